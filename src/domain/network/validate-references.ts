/**
 * Cross-record rules of the data set: the ones zod cannot check record by
 * record because they need the whole set (unique ids and names, references,
 * geometry, gauge changes, border crossings, speed rules).
 *
 * Every problem is returned, none thrown: the loader reports them all at once
 * so a data author fixes a file in one pass.
 */
import type { DataIssue } from '../errors.js';
import { foldName } from './fold.js';
import { greatCircleKm } from './geo.js';
import type { Corridor, Crossing, Gauge, Link, Mode, Parameters, Place } from './schema.js';

export type RecordKind = 'place' | 'link' | 'crossing' | 'corridor' | 'parameters';

export interface NetworkInput {
  places: readonly Place[];
  links: readonly Link[];
  crossings: readonly Crossing[];
  corridors: readonly Corridor[];
  /** Undefined when parameters.json itself failed to parse; the speed-rule checks are then skipped. */
  parameters: Parameters | undefined;
  /**
   * Ids of records that exist in the files but failed their shape check (the
   * loader has already reported them). References to them are not reported
   * again as unknown.
   */
  unparsedIds?: Partial<Record<RecordKind, ReadonlySet<string>>>;
  /**
   * Places named by crossing records that failed their shape check. The
   * border-link and gauge-break checks skip them: the crossing may well be
   * there once its shape is fixed.
   */
  unparsedCrossingPlaces?: ReadonlySet<string>;
}

/**
 * Names the file a record comes from, for the issue. `index` is the record's
 * position in its input array, so that two records sharing an id (a duplicate)
 * can still be told apart; callers that only know ids may ignore it.
 */
export type FileOf = (kind: RecordKind, id: string, index?: number) => string;

/** Slack for lengths rounded to whole km and coordinates given to ~0.01°, km. */
const LENGTH_SLACK_KM = 1;
/** A rail line longer than this multiple of the great-circle distance points at a wrong coordinate or length. */
const MAX_DETOUR_FACTOR = 2;

export function validateReferences(input: NetworkInput, fileOf: FileOf): DataIssue[] {
  const issues: DataIssue[] = [];
  const placeById = firstById(input.places);
  const corridorIds = new Set(input.corridors.map((c) => c.id));
  const brokenPlaces = input.unparsedIds?.place ?? new Set<string>();
  for (const id of input.unparsedIds?.corridor ?? []) corridorIds.add(id);

  checkUniqueIds(input, fileOf, issues);
  checkUniqueNames(input.places, fileOf, issues);
  checkCities(input.places, fileOf, issues);
  checkCoordinates(input.places, fileOf, issues);
  checkLinks(input.links, placeById, brokenPlaces, corridorIds, fileOf, issues);
  checkDuplicateLinks(input.links, fileOf, issues);
  checkCrossings(input.crossings, placeById, brokenPlaces, fileOf, issues);
  const unsure = input.unparsedCrossingPlaces ?? new Set<string>();
  checkBorderLinks(input.links, input.crossings, placeById, unsure, fileOf, issues);
  checkGaugeBreaks(input.places, input.links, input.crossings, unsure, fileOf, issues);
  if (input.parameters !== undefined) checkSpeedRules(input.links, input.parameters, placeById, fileOf, issues);
  if (input.parameters !== undefined) checkTerminalPlaces(input.parameters, placeById, fileOf, issues);
  return issues;
}

/** Terminal and yard figures keyed by place id must name a place, once each. */
function checkTerminalPlaces(params: Parameters, placeById: ReadonlyMap<string, Place>, fileOf: FileOf, issues: DataIssue[]): void {
  const t = params.terminal;
  if (!t) return;
  const file = fileOf('parameters', 'parameters');
  for (const [list, name] of [
    [t.places, 'places'],
    [t.yards, 'yards'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (!placeById.has(e.placeId)) issues.push(issue(file, 'parameters', `terminal.${name}.${i}.placeId`, `no place with id "${e.placeId}"`));
      if (seen.has(e.placeId)) issues.push(issue(file, 'parameters', `terminal.${name}.${i}.placeId`, `a second entry for "${e.placeId}"`));
      seen.add(e.placeId);
    });
  }
}

function firstById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of records) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

function issue(file: string, record: string, field: string, message: string): DataIssue {
  return { file, record, field, message };
}

function checkUniqueIds(input: NetworkInput, fileOf: FileOf, issues: DataIssue[]): void {
  const kinds: [RecordKind, readonly { id: string }[]][] = [
    ['place', input.places],
    ['link', input.links],
    ['crossing', input.crossings],
    ['corridor', input.corridors],
  ];
  for (const [kind, records] of kinds) {
    const firstFile = new Map<string, string>();
    records.forEach((r, i) => {
      const file = fileOf(kind, r.id, i);
      const seen = firstFile.get(r.id);
      if (seen === undefined) firstFile.set(r.id, file);
      else issues.push(issue(file, r.id, 'id', `duplicate ${kind} id "${r.id}" (first defined in ${seen})`));
    });
  }
  if (input.parameters === undefined) return;
  const file = fileOf('parameters', 'parameters');
  const ruleIds = new Set<string>();
  const ruleKeys = new Set<string>();
  input.parameters.speedRules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) issues.push(issue(file, 'parameters', `speedRules.${i}.id`, `duplicate speed rule id "${rule.id}"`));
    ruleIds.add(rule.id);
    const key = `${rule.country}/${rule.mode}`;
    if (ruleKeys.has(key)) issues.push(issue(file, 'parameters', `speedRules.${i}`, `a second speed rule for ${rule.country} ${rule.mode}: which one applies would be ambiguous`));
    ruleKeys.add(key);
  });
}

/**
 * Ids, names, aliases and UN/LOCODEs share one folded namespace, because a
 * query for "Alat" must resolve to exactly one place.
 */
function checkUniqueNames(places: readonly Place[], fileOf: FileOf, issues: DataIssue[]): void {
  const owner = new Map<string, { placeId: string; field: string; text: string }>();
  places.forEach((p, i) => {
    const file = fileOf('place', p.id, i);
    const keys: [string, string][] = [
      ['id', p.id],
      ['name', p.name],
      ...p.aliases.map((a, j): [string, string] => [`aliases.${j}`, a]),
    ];
    if (p.unlocode !== undefined) keys.push(['unlocode', p.unlocode]);
    for (const [field, text] of keys) {
      const key = foldName(text);
      if (key === '') {
        issues.push(issue(file, p.id, field, `"${text}" has no letters or digits left after folding`));
        continue;
      }
      const prev = owner.get(key);
      if (prev === undefined) owner.set(key, { placeId: p.id, field, text });
      else if (prev.placeId !== p.id)
        issues.push(issue(file, p.id, field, `"${text}" folds to "${key}", already taken by place "${prev.placeId}" (${prev.field} "${prev.text}")`));
    }
  });
}

/**
 * A city's name resolves to its main place, so the city needs exactly one main
 * place, and the name must not already be another place's id, name, alias or
 * UN/LOCODE (it would then mean two places).
 */
function checkCities(places: readonly Place[], fileOf: FileOf, issues: DataIssue[]): void {
  // Folding every name is most of this check's time on a large network: only done when some place names a city.
  if (!places.some((p) => p.city !== undefined || p.cityMain !== undefined)) return;
  const owner = new Map<string, string>();
  for (const p of places) for (const t of [p.id, p.name, ...p.aliases, ...(p.unlocode ? [p.unlocode] : [])]) if (!owner.has(foldName(t))) owner.set(foldName(t), p.id);
  const mains = new Map<string, string[]>();
  const firstIndex = new Map<string, number>();
  places.forEach((p, i) => {
    if (p.city === undefined) {
      if (p.cityMain) issues.push(issue(fileOf('place', p.id, i), p.id, 'cityMain', 'cityMain is set but the place names no city'));
      return;
    }
    const key = foldName(p.city);
    if (!firstIndex.has(key)) firstIndex.set(key, i);
    const list = mains.get(key) ?? [];
    if (p.cityMain) list.push(p.id);
    mains.set(key, list);
  });
  for (const [key, list] of mains) {
    const i = firstIndex.get(key)!;
    const p = places[i]!;
    const file = fileOf('place', p.id, i);
    if (list.length !== 1)
      issues.push(issue(file, p.id, 'city', `city "${p.city}" needs exactly one place with cityMain (its main freight place), found ${list.length}${list.length ? `: ${list.join(', ')}` : ''}`));
    const taken = owner.get(key);
    if (taken !== undefined && list.length === 1 && taken !== list[0])
      issues.push(issue(file, p.id, 'city', `city "${p.city}" folds to "${key}", already taken by place "${taken}"`));
  }
}

function checkCoordinates(places: readonly Place[], fileOf: FileOf, issues: DataIssue[]): void {
  places.forEach((p, i) => {
    if (!(p.lat >= -90 && p.lat <= 90)) issues.push(issue(fileOf('place', p.id, i), p.id, 'lat', `latitude ${p.lat} is outside -90..90`));
    if (!(p.lon >= -180 && p.lon <= 180)) issues.push(issue(fileOf('place', p.id, i), p.id, 'lon', `longitude ${p.lon} is outside -180..180`));
  });
}

const validCoordinates = (p: Place): boolean => p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180;

function checkLinks(
  links: readonly Link[],
  placeById: ReadonlyMap<string, Place>,
  brokenPlaces: ReadonlySet<string>,
  corridorIds: ReadonlySet<string>,
  fileOf: FileOf,
  issues: DataIssue[],
): void {
  links.forEach((l, i) => {
    const file = fileOf('link', l.id, i);
    const from = placeById.get(l.from);
    const to = placeById.get(l.to);
    if (from === undefined && !brokenPlaces.has(l.from)) issues.push(issue(file, l.id, 'from', `unknown place "${l.from}"`));
    if (to === undefined && !brokenPlaces.has(l.to)) issues.push(issue(file, l.id, 'to', `unknown place "${l.to}"`));
    l.corridors.forEach((c, j) => {
      if (!corridorIds.has(c)) issues.push(issue(file, l.id, `corridors.${j}`, `unknown corridor "${c}"`));
    });
    if (l.mode !== 'rail' || from === undefined || to === undefined || !validCoordinates(from) || !validCoordinates(to)) return;
    const gc = greatCircleKm(from.lat, from.lon, to.lat, to.lon);
    if (l.lengthKm < gc - LENGTH_SLACK_KM)
      issues.push(issue(file, l.id, 'lengthKm', `${l.lengthKm} km is shorter than the great-circle distance ${gc.toFixed(1)} km between its ends (check the length or the coordinates)`));
    else if (l.lengthKm > MAX_DETOUR_FACTOR * gc + LENGTH_SLACK_KM)
      issues.push(issue(file, l.id, 'lengthKm', `${l.lengthKm} km is more than ${MAX_DETOUR_FACTOR}× the great-circle distance ${gc.toFixed(1)} km between its ends (check the length or the coordinates)`));
  });
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Links are used in both directions, so a→b and b→a by the same mode are the same link twice. */
function checkDuplicateLinks(links: readonly Link[], fileOf: FileOf, issues: DataIssue[]): void {
  const seen = new Map<string, string>();
  links.forEach((l, i) => {
    const key = `${pairKey(l.from, l.to)}|${l.mode}`;
    const prev = seen.get(key);
    if (prev === undefined) seen.set(key, l.id);
    else if (prev !== l.id)
      issues.push(issue(fileOf('link', l.id, i), l.id, 'mode', `link "${prev}" already joins ${l.from} and ${l.to} by ${l.mode}; only parallel links of different modes are allowed`));
  });
}

function checkCrossings(
  crossings: readonly Crossing[],
  placeById: ReadonlyMap<string, Place>,
  brokenPlaces: ReadonlySet<string>,
  fileOf: FileOf,
  issues: DataIssue[],
): void {
  crossings.forEach((c, i) => {
    const file = fileOf('crossing', c.id, i);
    c.places.forEach((pid, k) => {
      const p = placeById.get(pid);
      if (p === undefined) {
        if (!brokenPlaces.has(pid)) issues.push(issue(file, c.id, `places.${k}`, `unknown place "${pid}"`));
      } else if (p.country !== c.countries[k])
        issues.push(issue(file, c.id, `countries.${k}`, `"${c.countries[k]}" does not match the country ${p.country} of place "${pid}" (places.${k})`));
    });
    if (c.places[0] === c.places[1]) issues.push(issue(file, c.id, 'places.1', 'a crossing needs two different places'));
    if (c.countries[0] === c.countries[1]) issues.push(issue(file, c.id, 'countries.1', 'a crossing joins two different countries'));

    const g = c.gaugeChange;
    if (g.handling !== 'none' && g.hours === undefined)
      issues.push(issue(file, c.id, 'gaugeChange.hours', `handling "${g.handling}" needs the hours it takes`));
    if (g.handling === 'none' && g.gauges !== undefined && g.gauges[0] !== g.gauges[1])
      issues.push(issue(file, c.id, 'gaugeChange.handling', `gauges ${g.gauges[0]} and ${g.gauges[1]} mm differ but handling is "none"`));

    const allowed = new Set([`${c.countries[0]}>${c.countries[1]}`, `${c.countries[1]}>${c.countries[0]}`]);
    const directions = new Set<string>();
    c.dwell.forEach((d, j) => {
      const dir = d.direction ?? '';
      if (dir !== '' && !allowed.has(dir))
        issues.push(issue(file, c.id, `dwell.${j}.direction`, `"${dir}" is not a direction of this crossing (${[...allowed].join(' or ')})`));
      else if (directions.has(dir))
        issues.push(issue(file, c.id, `dwell.${j}.direction`, dir === '' ? 'a second dwell entry without a direction' : `a second dwell entry for "${dir}"`));
      directions.add(dir);
    });
    if (!directions.has('')) issues.push(issue(file, c.id, 'dwell', 'needs one dwell entry without a direction (used for every direction without its own entry)'));
  });
}

const crossesBorder = (l: Link): boolean => l.mode === 'rail' || l.mode === 'road';

function checkBorderLinks(
  links: readonly Link[],
  crossings: readonly Crossing[],
  placeById: ReadonlyMap<string, Place>,
  unsure: ReadonlySet<string>,
  fileOf: FileOf,
  issues: DataIssue[],
): void {
  const modesByPair = new Map<string, Set<Mode>>();
  for (const c of crossings) {
    const key = pairKey(c.places[0], c.places[1]);
    const set = modesByPair.get(key) ?? new Set<Mode>();
    for (const m of c.modes) set.add(m);
    modesByPair.set(key, set);
  }
  links.forEach((l, i) => {
    if (!crossesBorder(l)) return; // ferry and sea legs between countries need no crossing record
    const from = placeById.get(l.from);
    const to = placeById.get(l.to);
    if (from === undefined || to === undefined || from.country === to.country) return;
    if (unsure.has(l.from) || unsure.has(l.to)) return;
    const modes = modesByPair.get(pairKey(l.from, l.to));
    if (modes?.has(l.mode)) return;
    issues.push(
      issue(
        fileOf('link', l.id, i),
        l.id,
        'mode',
        modes === undefined
          ? `${l.mode} link between ${from.country} and ${to.country} has no crossing record with places "${l.from}" and "${l.to}"`
          : `the crossing between "${l.from}" and "${l.to}" does not list mode "${l.mode}"`,
      ),
    );
  });
}

/**
 * Wherever rail links of different gauge meet, the place must be able to
 * change gauge: a crossing place with a gauge-change handling, or a place
 * with `transshipment`. Non-operational links count too: a planned line that
 * meets another gauge needs the facility once it is built.
 */
function checkGaugeBreaks(
  places: readonly Place[],
  links: readonly Link[],
  crossings: readonly Crossing[],
  unsure: ReadonlySet<string>,
  fileOf: FileOf,
  issues: DataIssue[],
): void {
  const gaugesAt = new Map<string, Map<Gauge, string>>();
  const add = (pid: string, gauge: Gauge, linkId: string): void => {
    const m = gaugesAt.get(pid);
    if (m === undefined) gaugesAt.set(pid, new Map([[gauge, linkId]]));
    else if (!m.has(gauge)) m.set(gauge, linkId);
  };
  for (const l of links) {
    if (l.mode !== 'rail' || l.gaugeMm === undefined) continue;
    add(l.from, l.gaugeMm, l.id);
    add(l.to, l.gaugeMm, l.id);
  }
  const changers = new Set<string>();
  for (const c of crossings) if (c.gaugeChange.handling !== 'none') for (const pid of c.places) changers.add(pid);
  const checked = new Set<string>();
  places.forEach((p, i) => {
    if (checked.has(p.id)) return;
    checked.add(p.id);
    const gauges = gaugesAt.get(p.id);
    if (gauges === undefined || gauges.size < 2 || p.transshipment !== undefined || changers.has(p.id) || unsure.has(p.id)) return;
    const list = [...gauges].sort((a, b) => a[0] - b[0]).map(([g, linkId]) => `${g} mm (${linkId})`).join(', ');
    issues.push(
      issue(fileOf('place', p.id, i), p.id, 'transshipment', `rail links of different gauge meet here: ${list}; the place needs \`transshipment\` or must be a place of a crossing with a gauge change`),
    );
  });
}

/** linkHours uses the speed rule of the country a link is left from, so both ends' countries need one. */
function checkSpeedRules(links: readonly Link[], params: Parameters, placeById: ReadonlyMap<string, Place>, fileOf: FileOf, issues: DataIssue[]): void {
  // Modes with a rule, by country: no key string per link.
  const rules = new Map<string, Set<Mode>>();
  for (const r of params.speedRules) rules.set(r.country, (rules.get(r.country) ?? new Set()).add(r.mode));
  links.forEach((l, i) => {
    if (!crossesBorder(l) || l.speedKmh !== undefined) return;
    const from = placeById.get(l.from)?.country;
    const to = placeById.get(l.to)?.country;
    for (const country of from === to ? [from] : [from, to])
      if (country !== undefined && !rules.get(country)?.has(l.mode))
        issues.push(issue(fileOf('link', l.id, i), l.id, 'speedKmh', `no speedKmh and no speed rule for ${country} ${l.mode} in parameters.json`));
  });
}
