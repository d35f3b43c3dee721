// The whole view lives in the page's query string, so a link opens the same view.
// Route parameters use the API's own names and list syntax (/v1/routes), which makes
// "the API request for this view" the same query; the page adds only its own keys:
// route (the chosen rank), colour=corridor, compare=1 and reach (days).

export const LIST_KEYS = ['via', 'include', 'modes', 'avoidCountries', 'avoidPlaces', 'avoidCrossings', 'avoidCorridors', 'avoidLinks'];
const TEXT_KEYS = ['from', 'to', 'objective', 'scenario', 'departAt', 'asOf'];
const NUMBER_KEYS = ['alternatives', 'cargoTonnes'];
const PAGE_KEYS = ['route', 'colour', 'compare', 'reach'];

const split = (s) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** The state held by a query string, with the API defaults where a key is absent. */
export function parseState(search, defaults) {
  const q = new URLSearchParams(search);
  const s = {
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    objective: q.get('objective') ?? defaults.objective,
    scenario: q.get('scenario') ?? '',
    // An ISO instant in UTC (2027-07-15T08:00:00Z), as /v1/routes takes it; empty: no dated ETA.
    departAt: q.get('departAt') ?? '',
    // Planning month YYYY-MM (the API's asOf); empty: today's network.
    asOf: /^\d{4}-(0[1-9]|1[0-2])$/.test(q.get('asOf') ?? '') ? q.get('asOf') : '',
    alternatives: Number(q.get('alternatives') ?? defaults.alternatives) || defaults.alternatives,
    cargoTonnes: Number(q.get('cargoTonnes') ?? defaults.cargoTonnes) || defaults.cargoTonnes,
    route: Math.max(1, Number(q.get('route') ?? 1) || 1),
    colour: q.get('colour') === 'corridor' ? 'corridor' : 'mode',
    compare: q.get('compare') === '1',
    reach: q.get('reach') !== null && Number(q.get('reach')) > 0 ? Number(q.get('reach')) : null,
  };
  for (const k of LIST_KEYS) s[k] = q.has(k) ? split(q.get(k)) : k === 'modes' ? [...defaults.modes] : k === 'include' ? [...defaults.include] : [];
  return s;
}

const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** [name, value] pairs of the route request, defaults left out (the API fills them in). */
export function routePairs(s, defaults) {
  const pairs = [];
  for (const k of TEXT_KEYS) if (s[k] && !(k === 'objective' && s[k] === defaults.objective)) pairs.push([k, s[k]]);
  for (const k of LIST_KEYS) {
    if (s[k].length === 0 && k !== 'modes') continue;
    if (k === 'modes' && sameList([...s[k]].sort(), [...defaults.modes].sort())) continue;
    pairs.push([k, s[k].join(',')]);
  }
  for (const k of NUMBER_KEYS) if (s[k] !== defaults[k]) pairs.push([k, s[k]]);
  return pairs;
}

/** Pairs of the page's own keys, defaults left out. */
export function pagePairs(s) {
  const pairs = [];
  if (s.route > 1) pairs.push(['route', s.route]);
  if (s.colour === 'corridor') pairs.push(['colour', 'corridor']);
  if (s.compare) pairs.push(['compare', '1']);
  if (s.reach !== null) pairs.push(['reach', s.reach]);
  return pairs;
}

export { PAGE_KEYS };
