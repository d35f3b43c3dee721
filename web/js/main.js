// The planner page: wires the form, the map, the answer views, compare and reachability to the
// API, and keeps the whole view in the URL (state.js) so a link reopens it as it was.
import { getAll, getJson, problemText, queryString } from './api.js';
import { renderDownloads, renderLegs, renderRouteLegend, renderSummary, renderTimeBar, renderWarnings } from './answer.js';
import { attachPlaceCombobox } from './combobox.js';
import { renderCompare } from './compare.js';
import { countryName, el, num } from './format.js';
import { PlannerMap, renderLegend } from './map.js';
import { pagePairs, parseState, routePairs } from './state.js';

const $ = (id) => document.getElementById(id);
const form = $('route-form');

let defaults;
let limits;
let map;
let corridors = [];
let state;
let answer = null;
let planSeq = 0;

function setStatus(text) {
  $('status').textContent = text;
}

function showError(text) {
  const box = $('error');
  box.hidden = text === '';
  box.textContent = text;
}

// ---- the form ------------------------------------------------------------------------------

function addVia(value = '') {
  const list = $('via-list');
  if (list.children.length >= limits.maxVia) return null;
  const n = list.children.length + 1;
  const id = `via-${Date.now().toString(36)}-${n}`;
  const input = el('input', { attrs: { id, name: 'via', spellcheck: 'false', placeholder: 'place' } });
  input.value = value;
  const remove = el('button', { className: 'small', text: 'Remove', attrs: { type: 'button' } });
  const li = el('li', { className: 'via-row' }, [
    el('label', { text: `Via ${n}`, attrs: { for: id } }),
    el('div', { className: 'combo' }, [input]),
    remove,
  ]);
  remove.addEventListener('click', () => {
    li.remove();
    renumberVia();
    $('via-add').focus();
  });
  list.append(li);
  attachPlaceCombobox(input);
  renumberVia();
  return input;
}

function renumberVia() {
  [...$('via-list').children].forEach((li, i) => {
    li.querySelector('label').textContent = `Via ${i + 1}`;
    li.querySelector('button').setAttribute('aria-label', `Remove via point ${i + 1}`);
  });
  $('via-add').disabled = $('via-list').children.length >= limits.maxVia;
}

const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
const commaItems = (id) =>
  $(id)
    .value.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function readForm() {
  return {
    ...state,
    from: $('from').value.trim(),
    to: $('to').value.trim(),
    via: [...$('via-list').querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean),
    objective: $('objective').value,
    scenario: $('scenario').value,
    asOf: /^\d{4}-(0[1-9]|1[0-2])$/.test($('asOf').value) ? $('asOf').value : '',
    include: checked('include'),
    modes: checked('modes'),
    alternatives: Number($('alternatives').value) || defaults.alternatives,
    cargoTonnes: Number($('cargoTonnes').value) || defaults.cargoTonnes,
    // datetime-local gives "2027-07-15T08:00"; the field is labelled UTC.
    departAt: $('departAt').value ? `${$('departAt').value.slice(0, 16)}:00Z` : '',
    avoidCountries: checked('avoidCountries'),
    avoidCorridors: checked('avoidCorridors'),
    avoidPlaces: commaItems('avoidPlaces'),
    avoidCrossings: commaItems('avoidCrossings'),
    avoidLinks: commaItems('avoidLinks'),
  };
}

function writeForm(s) {
  $('from').value = s.from;
  $('to').value = s.to;
  $('via-list').replaceChildren();
  for (const v of s.via) addVia(v);
  renumberVia();
  $('objective').value = s.objective;
  $('scenario').value = s.scenario;
  if ($('scenario').value !== s.scenario) $('scenario').value = '';
  $('asOf').value = s.asOf;
  for (const [name, values] of [
    ['include', s.include],
    ['modes', s.modes],
    ['avoidCountries', s.avoidCountries],
    ['avoidCorridors', s.avoidCorridors],
  ]) {
    for (const box of form.querySelectorAll(`input[name="${name}"]`)) box.checked = values.includes(box.value);
  }
  $('alternatives').value = String(s.alternatives);
  $('cargoTonnes').value = String(s.cargoTonnes);
  $('departAt').value = s.departAt ? s.departAt.slice(0, 16) : '';
  $('avoidPlaces').value = s.avoidPlaces.join(', ');
  $('avoidCrossings').value = s.avoidCrossings.join(', ');
  $('avoidLinks').value = s.avoidLinks.join(', ');
  const avoiding = ['avoidCountries', 'avoidCorridors', 'avoidPlaces', 'avoidCrossings', 'avoidLinks'].some((k) => s[k].length > 0);
  if (avoiding) $('avoid-details').open = true;
  $('by-corridor').checked = s.colour === 'corridor';
  if (s.reach !== null) $('reach-days').value = String(s.reach);
}

function updateUrl(push) {
  const qs = queryString([...routePairs(state, defaults), ...pagePairs(state)]);
  const url = qs ? `/?${qs}` : '/';
  if (url === `${location.pathname}${location.search}`) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
  const views = document.querySelector('#downloads a[data-view]');
  if (views) views.href = location.href;
}

// ---- the answer ------------------------------------------------------------------------------

function showChosen({ fit }) {
  const route = answer.routes.find((r) => r.rank === state.route) ?? answer.routes[0];
  state.route = route.rank;
  renderRouteLegend($('route-legend'), answer.routes, route.rank, (rank) => {
    state.route = rank;
    showChosen({ fit: false });
    updateUrl(false);
    $('route-legend').querySelector('[aria-pressed="true"]')?.focus();
  });
  map.drawRoutes(answer.routes, route.rank, { fit });
  renderSummary($('summary'), route);
  renderTimeBar($('time-bar'), $('time-legend'), route);
  renderWarnings($('warnings'), route);
  renderLegs($('legs').querySelector('tbody'), route);
  renderDownloads($('downloads'), queryString(routePairs(state, defaults)), answer);
  $('downloads').lastElementChild.querySelector('a').dataset.view = 'true';
}

async function plan({ push, keepRoute = false }) {
  const next = readForm();
  if (!keepRoute) next.route = 1;
  if (!next.from || !next.to) {
    showError('Give both a place to start from and a destination.');
    (next.from ? $('to') : $('from')).focus();
    return;
  }
  if (next.modes.length === 0) {
    showError('Choose at least one mode.');
    form.querySelector('input[name="modes"]').focus();
    return;
  }
  state = next;
  const mine = ++planSeq;
  showError('');
  setStatus('Planning…');
  $('answer').dataset.state = 'planning';
  updateUrl(push);
  try {
    const a = await getJson(`/v1/routes?${queryString(routePairs(state, defaults))}`);
    if (mine !== planSeq) return;
    answer = a;
    $('answer').hidden = false;
    showChosen({ fit: true });
    updateUrl(false);
    const best = answer.routes[0];
    setStatus(
      `${answer.routes.length} route${answer.routes.length === 1 ? '' : 's'} from ${answer.query.from.name} to ${answer.query.to.name}` +
        `${answer.scenario ? ` (${answer.scenario.name})` : ''}; the best: ${num(best.distanceKm)} km, ${num(best.transitDays.typical)} days typical.`,
    );
    $('answer').dataset.state = 'done';
    // Bring the answer into view below the form: in the panel on a desktop (the map stays put); on a phone,
    // where the page scrolls, only after the user asked, so a shared link opens on the map.
    if (push || !window.matchMedia('(max-width: 900px)').matches) $('answer').scrollIntoView({ block: 'start' });
  } catch (e) {
    if (mine !== planSeq) return;
    answer = null;
    map.clearRoutes();
    $('answer').hidden = true;
    $('answer').dataset.state = 'error';
    setStatus('');
    showError(problemText(e));
  }
}

// ---- compare and reachability --------------------------------------------------------------

async function openCompare() {
  const s = readForm();
  if (!s.from || !s.to) {
    showError('Give the lane first: a place to start from and a destination.');
    $('from').focus();
    return;
  }
  const pairs = routePairs(
    { ...s, via: [], include: [], avoidCountries: [], avoidPlaces: [], avoidCrossings: [], avoidCorridors: [], avoidLinks: [], scenario: '', asOf: '', alternatives: defaults.alternatives },
    defaults,
  );
  const box = $('compare');
  box.hidden = false;
  box.replaceChildren(el('p', { className: 'hint', text: 'Comparing…' }));
  try {
    const c = await getJson(`/v1/compare?${queryString(pairs)}`);
    renderCompare(box, c, (scenarioId) => {
      $('scenario').value = scenarioId ?? '';
      for (const name of ['include', 'avoidCountries', 'avoidCorridors']) for (const b of form.querySelectorAll(`input[name="${name}"]`)) b.checked = false;
      $('via-list').replaceChildren();
      renumberVia();
      for (const id of ['avoidPlaces', 'avoidCrossings', 'avoidLinks']) $(id).value = '';
      void plan({ push: true });
    });
    state.compare = true;
    updateUrl(false);
  } catch (e) {
    box.replaceChildren(el('p', { className: 'error', text: problemText(e) }));
  }
}

async function reach() {
  const s = readForm();
  const daysBudget = Number($('reach-days').value);
  if (!s.from) {
    showError('Give a place to start from.');
    $('from').focus();
    return;
  }
  if (!(daysBudget > 0) || daysBudget * 24 > limits.maxReachabilityHours) {
    $('reach-summary').textContent = `Give a number of days above 0 and at most ${num(limits.maxReachabilityHours / 24)}.`;
    $('reach-days').focus();
    return;
  }
  const pairs = [
    ['from', s.from],
    ['maxHours', Math.round(daysBudget * 24 * 10) / 10],
    ...routePairs({ ...s, from: '', to: '', via: [], avoidCountries: [], avoidPlaces: [], avoidCrossings: [], avoidCorridors: [], avoidLinks: [], alternatives: defaults.alternatives, cargoTonnes: defaults.cargoTonnes, departAt: '' }, defaults),
  ];
  $('reach-summary').textContent = 'Finding reachable places…';
  try {
    const r = await getJson(`/v1/reachability?${queryString(pairs)}`);
    map.drawReach(r.query.from, r.places, r.query.maxHours);
    const countries = [...new Set(r.places.map((p) => p.place.country))].map(countryName);
    $('reach-summary').textContent =
      `${r.places.length} places reachable from ${r.query.from.name} within ${num(daysBudget)} days (typical hours${r.scenario ? `, ${r.scenario.name}` : ''})` +
      `${countries.length ? `, in ${countries.join(', ')}` : ''}. Darker is nearer.`;
    state.reach = daysBudget;
    updateUrl(false);
  } catch (e) {
    $('reach-summary').textContent = problemText(e);
  }
}

// ---- start ---------------------------------------------------------------------------------

function fillChoices(scenarios, places, crossings) {
  for (const s of scenarios) $('scenario').append(el('option', { text: s.name, attrs: { value: s.id, title: s.description } }));
  const countries = [...new Set(places.map((p) => p.country))].sort((a, b) => countryName(a).localeCompare(countryName(b)));
  $('avoid-countries').replaceChildren(
    ...countries.map((c) => el('label', {}, [el('input', { attrs: { type: 'checkbox', name: 'avoidCountries', value: c } }), ` ${countryName(c)}`])),
  );
  $('avoid-corridors').replaceChildren(
    ...corridors.map((c) => el('label', {}, [el('input', { attrs: { type: 'checkbox', name: 'avoidCorridors', value: c.id } }), ` ${c.name}`])),
  );
  $('crossing-ids').replaceChildren(...crossings.map((c) => el('option', { attrs: { value: c.id }, text: c.name })));
  $('alternatives').max = String(limits.maxAlternatives);
}

async function applyUrl() {
  state = parseState(location.search, defaults);
  writeForm(state);
  map.setColourByCorridor(state.colour === 'corridor');
  renderLegend($('legend-body'), state.colour === 'corridor', corridors);
  if (state.from && state.to) await plan({ push: false, keepRoute: true });
  else {
    answer = null;
    map.clearRoutes();
    $('answer').hidden = true;
  }
  if (state.compare && state.from && state.to) await openCompare();
  else $('compare').hidden = true;
  if (state.reach !== null && state.from) await reach();
  else map.clearReach();
}

async function init() {
  map = new PlannerMap($('map'));
  if (window.matchMedia('(max-width: 760px)').matches) $('legend').open = false;
  const [info, topology, network, scenarios, crossings, places, corridorList] = await Promise.all([
    getJson('/v1/info'),
    getJson('/ui/vendor/world-atlas/countries-50m.json'),
    getJson('/v1/network'),
    getJson('/v1/scenarios'),
    getAll('/v1/border-crossings'),
    getAll('/v1/places'),
    getAll('/v1/corridors'),
  ]);
  defaults = info.defaults;
  limits = info.limits;
  corridors = corridorList;
  map.drawBase(topology);
  map.drawNetwork(network, corridors);
  map.drawMarkers(crossings, places);
  fillChoices(scenarios.scenarios, places, crossings);
  attachPlaceCombobox($('from'));
  attachPlaceCombobox($('to'));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void plan({ push: true });
  });
  $('via-add').addEventListener('click', () => addVia()?.focus());
  $('compare-open').addEventListener('click', () => void openCompare());
  $('reach-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void reach();
  });
  $('reach-clear').addEventListener('click', () => {
    map.clearReach();
    state.reach = null;
    $('reach-summary').textContent = '';
    updateUrl(false);
  });
  $('by-corridor').addEventListener('change', (e) => {
    state.colour = e.target.checked ? 'corridor' : 'mode';
    map.setColourByCorridor(e.target.checked);
    renderLegend($('legend-body'), e.target.checked, corridors);
    updateUrl(false);
  });
  window.addEventListener('popstate', () => void applyUrl());
  await applyUrl();
}

init()
  .catch((e) => {
    showError(`The page could not start: ${problemText(e)}`);
  })
  .finally(() => {
    document.body.dataset.ready = 'true';
  });
