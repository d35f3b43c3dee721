// The answer of /v1/routes in words and tables: the list of routes (the map's legend), the
// chosen route's summary, its hours by component as a stacked bar, warnings, legs and downloads.
import { HANDLING_LABELS, STATUS_LABELS, componentLabel, countryName, el, num } from './format.js';
import { ROUTE_COLOURS } from './map.js';

const COMPONENT_COLOURS = {
  running: '#2e86c1',
  borderDwell: '#e74c3c',
  gaugeChange: '#f39c12',
  ferry: '#00a8b5',
  sea: '#34495e',
  transfer: '#8e44ad',
  terminal: '#7f8c8d',
};
const SPARE_COLOURS = ['#27ae60', '#d35400', '#c2185b', '#795548'];

const days = (d) => `${num(d.typical)} days typical (${num(d.low)} low – ${num(d.high)} high)`;

/** The routes as a list of buttons, rank order = the map's drawing order; the pressed one is chosen. */
export function renderRouteLegend(list, routes, chosenRank, onChoose) {
  list.replaceChildren(
    ...routes.map((r) => {
      const chosen = r.rank === chosenRank;
      const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true', 'data-rank': String(r.rank) } });
      swatch.style.background = ROUTE_COLOURS[(r.rank - 1) % ROUTE_COLOURS.length];
      const b = el('button', { className: `route-choice${chosen ? ' chosen' : ''}`, attrs: { type: 'button', 'aria-pressed': String(chosen) } }, [
        swatch,
        el('span', { text: `Route ${r.rank}: ${num(r.distanceKm)} km, ${num(r.transitDays.typical)} days · ${r.countries.join('–')}` }),
      ]);
      b.addEventListener('click', () => onChoose(r.rank));
      return el('li', {}, [b]);
    }),
  );
}

function row(dl, label, field, content) {
  const dd = el('dd', { attrs: { 'data-field': field } });
  if (typeof content === 'string') dd.textContent = content;
  else dd.append(...content);
  dl.append(el('dt', { text: label }), dd);
}

export function renderSummary(dl, r) {
  dl.replaceChildren();
  const modes = Object.entries(r.distanceKmByMode)
    .filter(([, km]) => km > 0)
    .map(([m, km]) => `${m} ${num(km)}`)
    .join(', ');
  row(dl, 'Distance', 'km', `${num(r.distanceKm)} km${modes ? ` (${modes})` : ''}`);
  row(dl, 'Transit time', 'days', days(r.transitDays));
  row(dl, 'Hours', 'hours', `${num(r.transitHours.typical)} h typical (${num(r.transitHours.low)} – ${num(r.transitHours.high)})`);
  if (r.eta && r.eta.arrival) {
    const when = (t) => `${t.slice(0, 10)} ${t.slice(11, 16)}`;
    const waits = r.eta.waits.map((w) => `${w.message} (+${num(w.waitHours.typical)} h typical, ${num(w.waitHours.low)} – ${num(w.waitHours.high)})`);
    row(
      dl,
      'Arrival (UTC)',
      'eta',
      `${when(r.eta.arrival.typical)} typical (${when(r.eta.arrival.low)} – ${when(r.eta.arrival.high)})` + (waits.length > 0 ? `; waits: ${waits.join('; ')}` : '; no calendar waits'),
    );
  }
  row(dl, 'Countries', 'countries', r.countries.map(countryName).join(' → '));
  row(
    dl,
    `Border crossings (${r.borderCrossings.length})`,
    'crossings',
    r.borderCrossings.length === 0
      ? 'none'
      : [
          el(
            'ul',
            {},
            r.borderCrossings.map((c) =>
              el('li', {
                text: `${c.name} (${c.countries.join('→')}): ${num(c.dwellHours.typical)} h dwell${c.status === 'open' ? '' : `, ${c.status}`}`,
              }),
            ),
          ),
        ],
  );
  row(
    dl,
    `Gauge breaks (${r.gaugeBreaks.length})`,
    'gauge-breaks',
    r.gaugeBreaks.length === 0
      ? 'none'
      : [
          el(
            'ul',
            {},
            r.gaugeBreaks.map((g) =>
              el('li', {
                text:
                  `${g.place.name}: ${g.fromGaugeMm} → ${g.toGaugeMm} mm, ${HANDLING_LABELS[g.handling] ?? g.handling}, ` +
                  (g.includedInDwell ? 'within the border dwell' : `${num(g.hours.typical)} h`),
              }),
            ),
          ),
        ],
  );
  if (r.modeTransfers.length > 0) {
    row(dl, `Mode changes (${r.modeTransfers.length})`, 'mode-transfers', [
      el(
        'ul',
        {},
        r.modeTransfers.map((m) => el('li', { text: `${m.place.name}: ${m.fromMode} → ${m.toMode}, ${num(m.hours.typical)} h` })),
      ),
    ]);
  }
  row(dl, 'Corridors', 'corridors', r.corridors.length === 0 ? 'none' : r.corridors.map((c) => `${c.name} ${num(c.km)} km`).join('; '));
  row(dl, 'CO2', 'co2', `${num(r.co2.kgCo2e)} kg CO2e for ${num(r.co2.cargoTonnes)} t (${r.co2.scope === 'WTW' ? 'well to wheel' : 'tank to wheel'})`);
}

/** Stacked bar of typical hours by component; components come from the answer, whatever they are. */
export function renderTimeBar(bar, legend, r) {
  const parts = Object.entries(r.hoursByComponent).map(([key, h], i) => ({
    key,
    h,
    colour: COMPONENT_COLOURS[key] ?? SPARE_COLOURS[i % SPARE_COLOURS.length],
  }));
  const total = parts.reduce((s, p) => s + p.h.typical, 0);
  bar.replaceChildren();
  legend.replaceChildren();
  for (const p of parts) {
    if (p.h.typical <= 0) continue;
    const share = total > 0 ? p.h.typical / total : 0;
    const seg = el('span', { className: 'seg', attrs: { 'data-component': p.key, title: `${componentLabel(p.key)} ${num(p.h.typical)} h` } });
    seg.style.width = `${(share * 100).toFixed(2)}%`;
    seg.style.background = p.colour;
    bar.append(seg);
    const sw = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
    sw.style.background = p.colour;
    legend.append(
      el('li', { attrs: { 'data-component': p.key } }, [
        sw,
        ` ${componentLabel(p.key)}: ${num(p.h.typical)} h (${Math.round(share * 100)} %; ${num(p.h.low)} – ${num(p.h.high)})`,
      ]),
    );
  }
  const none = parts.filter((p) => p.h.typical <= 0).map((p) => componentLabel(p.key));
  if (none.length > 0) legend.append(el('li', { className: 'muted', text: `none: ${none.join(', ')}` }));
  bar.setAttribute('aria-label', `Typical hours by component, ${num(total)} h in all`);
}

const WARNING_HEADS = {
  NON_OPERATIONAL_LINK: 'Not running today',
  ESTIMATED_FIGURE: 'Estimates used',
  RESTRICTED_CROSSING: 'Restricted crossing',
  PLANNED_CROSSING: 'Crossing not yet open',
  ROAD_LEG: 'Road leg',
};

export function renderWarnings(ul, r) {
  ul.replaceChildren();
  if (r.warnings.length === 0) {
    ul.append(el('li', { className: 'muted', text: 'None: every link is operational and every figure is published.' }));
    return;
  }
  for (const w of r.warnings) {
    ul.append(el('li', { attrs: { 'data-code': w.code } }, [el('strong', { text: `${WARNING_HEADS[w.code] ?? w.code}: ` }), w.message]));
  }
}

export function renderLegs(tbody, r) {
  tbody.replaceChildren(
    ...r.legs.map((l, i) => {
      const list = el(
        'ul',
        { className: 'sources' },
        l.sources.map((s) => el('li', {}, [el('span', { className: 'address', text: s.address }), ` — ${s.statement}`])),
      );
      const sources = el('details', {}, [el('summary', { text: `${l.sources.length} source${l.sources.length === 1 ? '' : 's'}` }), list]);
      if (l.estimated) sources.prepend(el('span', { className: 'badge', text: 'estimate' }));
      const cells = [
        String(i + 1),
        l.from.name,
        l.to.name,
        l.mode,
        num(l.km),
        num(l.hours.typical),
        l.gaugeMm ? `${l.gaugeMm} mm` : '–',
        STATUS_LABELS[l.status] ?? l.status,
        l.corridors.join(', ') || '–',
      ].map((t) => el('td', { text: t }));
      return el('tr', { className: l.status === 'operational' ? '' : 'not-operational' }, [...cells, el('td', {}, [sources])]);
    }),
  );
}

/** GeoJSON and CSV of the answer in the API's own formats, the API request itself, and this view. */
export function renderDownloads(ul, apiQuery, answer) {
  const name = `route-${answer.query.from.id}-${answer.query.to.id}`;
  const link = (href, text, download) => el('a', { text, attrs: { href, ...(download ? { download } : {}) } });
  ul.replaceChildren(
    el('li', {}, [link(`/v1/routes?${apiQuery}&format=geojson`, 'GeoJSON of the answer', `${name}.geojson`)]),
    el('li', {}, [link(`/v1/routes?${apiQuery}&format=csv`, 'CSV of the answer', `${name}.csv`)]),
    el('li', {}, [link(`/v1/routes?${apiQuery}`, 'The API request (JSON)'), ' ', el('code', { text: `GET /v1/routes?${apiQuery}` })]),
    el('li', {}, [link(location.href, 'Link to this view')]),
  );
}
