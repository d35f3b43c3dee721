// The /v1/compare table: the lane today and under each named scenario, with the difference
// from today in km and days; "Show route" plans the lane under that scenario and draws it.
import { countryName, el, num, signed } from './format.js';

const HEAD = ['Scenario', 'km', 'Δ km', 'Days typical', 'Δ days', 'Days high', 'Δ high days', 'Crossings', 'Gauge breaks', 'kg CO2e', 'Countries', ''];

export function renderCompare(container, answer, onShow) {
  const table = el('table', { className: 'compare' });
  table.append(el('caption', { text: `${answer.query.from.name} → ${answer.query.to.name}, ${answer.query.objective}, cargo ${num(answer.query.cargoTonnes)} t` }));
  table.append(el('thead', {}, [el('tr', {}, HEAD.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]));
  const body = el('tbody');
  const rowFor = (label, id, route, diff, reason) => {
    const tr = el('tr', { attrs: { 'data-scenario': id ?? 'today' } });
    tr.append(el('th', { text: label, attrs: { scope: 'row' } }));
    if (route === null) {
      tr.append(el('td', { text: `No route: ${reason ?? 'none found'}`, attrs: { colspan: String(HEAD.length - 2) } }));
    } else {
      const d = diff;
      const cells = [
        num(route.distanceKm),
        d ? signed(d.distanceKm) : '–',
        num(route.transitDays.typical),
        d ? signed(d.typicalDays) : '–',
        num(route.transitDays.high),
        d ? signed(d.highDays) : '–',
        String(route.crossings),
        String(route.gaugeBreaks),
        num(route.kgCo2e),
        route.countries.map(countryName).join(', '),
      ];
      cells.forEach((t, i) => {
        const td = el('td', { text: t });
        if (d && (i === 1 || i === 3 || i === 5)) td.className = t.startsWith('−') ? 'better' : t.startsWith('+') ? 'worse' : '';
        tr.append(td);
      });
    }
    const b = el('button', { className: 'small', text: 'Show route', attrs: { type: 'button', 'aria-label': `Show the route: ${label}` } });
    b.disabled = route === null;
    b.addEventListener('click', () => onShow(id));
    tr.append(el('td', {}, [b]));
    return tr;
  };
  body.append(rowFor("Today's network", null, answer.today.route, null, answer.today.reason));
  for (const s of answer.scenarios) body.append(rowFor(s.scenario.name, s.scenario.id, s.route, s.differences, s.reason));
  table.append(body);
  container.replaceChildren(
    table,
    el('p', {
      className: 'hint',
      text: 'Δ: the scenario minus today (negative is shorter or faster). "Show route" plans the lane as compared: the scenario\'s own lines, no extra statuses, via points or avoid lists.',
    }),
  );
}
