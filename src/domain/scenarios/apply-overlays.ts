/**
 * Applies overlays to a network and returns a new one. The input network is
 * never mutated: changed records are copied, unchanged ones are shared (the
 * domain treats records as read-only). The result must pass the same
 * reference rules as the data set, so a hypothetical link cannot, for
 * example, join two gauges without a place that changes them.
 */
import { DomainError } from '../errors.js';
import type { DataIssue } from '../errors.js';
import type { Crossing, Link, Network, Parameters, Place, Provenance } from '../network/schema.js';
import { CrossingSchema, LinkSchema } from '../network/schema.js';
import { validateReferences } from '../network/validate-references.js';
import { REQUEST_OVERLAY_SOURCE } from '../network/source-register.js';
import { OverlaySchema } from './overlay-schema.js';
import type { AppliedOverlay, Overlay } from './overlay-schema.js';

const REQUEST_SOURCE = { source: REQUEST_OVERLAY_SOURCE.id, statement: REQUEST_OVERLAY_SOURCE.statements[0]! };
const HYPOTHETICAL: Provenance = { basis: 'estimate', method: 'hypothetical link supplied by the request' };

/** Working copy: arrays are new, records are copied before they are changed. */
interface Draft {
  places: Map<string, Place>;
  links: Map<string, Link>;
  crossings: Map<string, Crossing>;
  corridorIds: Set<string>;
  parameters: Parameters;
}

function invalid(index: number, field: string, message: string, value?: unknown): DomainError {
  return new DomainError('INVALID_CONSTRAINT', `overlay ${index}: ${field}: ${message}`, {
    overlayIndex: index,
    field,
    ...(value === undefined ? {} : { value }),
  });
}

function samePair(c: Crossing, a: string, b: string): boolean {
  return (c.places[0] === a && c.places[1] === b) || (c.places[0] === b && c.places[1] === a);
}

/** Crossings a link passes: same two places, the link's mode among the crossing's modes. */
function crossingsOfLink(d: Draft, link: Link): Crossing[] {
  return [...d.crossings.values()].filter((c) => samePair(c, link.from, link.to) && c.modes.includes(link.mode));
}

function getLink(d: Draft, index: number, field: string, id: string): Link {
  const link = d.links.get(id);
  if (!link) throw invalid(index, field, `unknown link "${id}"`, id);
  return link;
}

function getCrossing(d: Draft, index: number, field: string, id: string): Crossing {
  const c = d.crossings.get(id);
  if (!c) throw invalid(index, field, `unknown crossing "${id}"`, id);
  return c;
}

function getPlace(d: Draft, index: number, field: string, id: string): Place {
  const p = d.places.get(id);
  if (!p) throw invalid(index, field, `unknown place "${id}"`, id);
  return p;
}

/**
 * The speed the router would use for a link without its own speedKmh: the
 * rule of the country of its `from` end (then the `to` end) for its mode.
 */
function effectiveSpeed(d: Draft, link: Link): NonNullable<Link['speedKmh']> | undefined {
  if (link.speedKmh) return link.speedKmh;
  if (link.mode !== 'rail' && link.mode !== 'road') return undefined;
  for (const placeId of [link.from, link.to]) {
    const country = d.places.get(placeId)?.country;
    const rule = d.parameters.speedRules.find((r) => r.country === country && r.mode === link.mode);
    if (rule) return rule.speedKmh;
  }
  return undefined;
}

function scaledSpeed(d: Draft, index: number, link: Link, factor: number): NonNullable<Link['speedKmh']> {
  const base = effectiveSpeed(d, link);
  if (!base) throw invalid(index, 'factor', `link "${link.id}" has no speed of its own and no speed rule applies to it`, link.id);
  const provenance: Provenance = {
    basis: base.provenance.basis === 'estimate' ? 'estimate' : 'derived',
    method: `${link.speedKmh ? 'link speed' : 'country speed rule'} × ${factor} (scenario overlay)`,
  };
  return { low: base.low * factor, typical: base.typical * factor, high: base.high * factor, provenance };
}

/** Opens planned crossings on a link that has just become operational. */
function openPlannedCrossings(d: Draft, link: Link, touched: string[]): void {
  for (const c of crossingsOfLink(d, link)) {
    if (c.status !== 'planned') continue;
    d.crossings.set(c.id, { ...c, status: 'open' });
    touched.push(c.id);
  }
}

function applyOne(d: Draft, o: Overlay, index: number): AppliedOverlay {
  const linkIds: string[] = [];
  const crossingIds: string[] = [];
  let summary: string;
  switch (o.kind) {
    case 'set-crossing-status': {
      const c = getCrossing(d, index, 'crossingId', o.crossingId);
      d.crossings.set(c.id, { ...c, status: o.status });
      crossingIds.push(c.id);
      summary = `crossing ${c.id}: ${c.status} → ${o.status}`;
      break;
    }
    case 'set-crossing-dwell': {
      const c = getCrossing(d, index, 'crossingId', o.crossingId);
      const hours = { ...o.hours, provenance: { basis: 'estimate', method: 'dwell supplied by a scenario overlay' } as Provenance };
      d.crossings.set(c.id, { ...c, dwell: [{ hours, sources: [] }] });
      crossingIds.push(c.id);
      summary = `crossing ${c.id}: dwell set to ${o.hours.low}/${o.hours.typical}/${o.hours.high} h in every direction`;
      break;
    }
    case 'scale-speed': {
      let targets: Link[];
      if (o.linkId !== undefined) {
        const link = getLink(d, index, 'linkId', o.linkId);
        if (link.mode !== 'rail' && link.mode !== 'road') {
          throw invalid(index, 'linkId', `link "${link.id}" is a ${link.mode} link; only rail and road speeds can be scaled`, link.id);
        }
        targets = [link];
      } else {
        const country = o.country as string;
        targets = [...d.links.values()].filter(
          (l) => (l.mode === 'rail' || l.mode === 'road') && (d.places.get(l.from)?.country === country || d.places.get(l.to)?.country === country),
        );
        if (targets.length === 0) throw invalid(index, 'country', `no rail or road link touches country "${country}"`, country);
      }
      for (const link of targets) {
        d.links.set(link.id, { ...link, speedKmh: scaledSpeed(d, index, link, o.factor) });
        linkIds.push(link.id);
      }
      summary = `speed × ${o.factor} on ${targets.length} link(s)${o.country ? ` in ${o.country}` : ''}`;
      break;
    }
    case 'set-link-status': {
      const link = getLink(d, index, 'linkId', o.linkId);
      const next: Link = { ...link, status: o.status };
      d.links.set(link.id, next);
      linkIds.push(link.id);
      // A line that is open cannot end at a border point that is only planned.
      if (o.status === 'operational') openPlannedCrossings(d, next, crossingIds);
      summary = `link ${link.id}: ${link.status} → ${o.status}`;
      break;
    }
    case 'build-corridor': {
      if (!d.corridorIds.has(o.corridorId)) throw invalid(index, 'corridorId', `unknown corridor "${o.corridorId}"`, o.corridorId);
      for (const link of [...d.links.values()]) {
        // Building lifts construction statuses only: a suspension (a closed border road, a political halt) is not ended by building a line.
        if (!link.corridors.includes(o.corridorId) || link.status === 'operational' || link.status === 'suspended') continue;
        const next: Link = { ...link, status: 'operational' };
        d.links.set(link.id, next);
        linkIds.push(link.id);
        openPlannedCrossings(d, next, crossingIds);
      }
      summary = `corridor ${o.corridorId} built: ${linkIds.length} planned, proposed or under-construction link(s) made operational, ${crossingIds.length} planned crossing(s) opened`;
      break;
    }
    case 'add-link': {
      summary = addLink(d, o, index, linkIds, crossingIds);
      break;
    }
  }
  return { index, kind: o.kind, summary, linkIds, crossingIds };
}

function addLink(d: Draft, o: Extract<Overlay, { kind: 'add-link' }>, index: number, linkIds: string[], crossingIds: string[]): string {
  const from = getPlace(d, index, 'from', o.from);
  const to = getPlace(d, index, 'to', o.to);
  const id = o.id ?? `${o.from}--${o.to}--hypothetical`;
  if (d.links.has(id)) throw invalid(index, 'id', `a link "${id}" already exists`, id);
  for (const c of o.corridors) {
    if (!d.corridorIds.has(c)) throw invalid(index, 'corridors', `unknown corridor "${c}"`, c);
  }
  const speed = typeof o.speedKmh === 'number' ? { low: o.speedKmh, typical: o.speedKmh, high: o.speedKmh } : o.speedKmh;
  const candidate = {
    id,
    from: o.from,
    to: o.to,
    mode: o.mode,
    lengthKm: o.lengthKm,
    length: HYPOTHETICAL,
    ...(o.gaugeMm === undefined ? {} : { gaugeMm: o.gaugeMm }),
    status: o.status,
    statusAsOf: d.parameters.dataDate,
    ...(o.electrified === undefined ? {} : { electrified: o.electrified }),
    speedKmh: { ...speed, provenance: HYPOTHETICAL },
    corridors: o.corridors,
    sources: [REQUEST_SOURCE],
    notes: 'hypothetical link supplied by the request',
  };
  const parsed = LinkSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(index, issue ? issue.path.join('.') || 'link' : 'link', issue?.message ?? 'invalid link');
  }
  d.links.set(id, parsed.data);
  linkIds.push(id);

  if (from.country === to.country) {
    if (o.crossing) throw invalid(index, 'crossing', 'both ends are in one country, so there is no border crossing to describe');
    return `link ${id} added (${o.mode}, ${o.lengthKm} km)`;
  }
  const existing = [...d.crossings.values()].filter((c) => samePair(c, o.from, o.to));
  if (existing.length > 0) {
    if (o.crossing) throw invalid(index, 'crossing', `crossing "${existing[0]?.id}" already joins these places; leave crossing out`);
    const c = existing.find((x) => x.modes.includes(o.mode)) ?? (existing[0] as Crossing);
    if (!c.modes.includes(o.mode)) d.crossings.set(c.id, { ...c, modes: [...c.modes, o.mode] });
    crossingIds.push(c.id);
    return `link ${id} added (${o.mode}, ${o.lengthKm} km) through the existing crossing ${c.id}`;
  }
  if (!o.crossing) throw invalid(index, 'crossing', `the ends are in ${from.country} and ${to.country}: describe the border crossing (dwellHours at least)`);
  const x = o.crossing;
  const crossingId = d.crossings.has(id) ? `${id}--crossing` : id;
  const gaugeChange =
    o.mode === 'rail'
      ? {
          gauges: x.gauges ?? ([o.gaugeMm, o.gaugeMm] as [NonNullable<Link['gaugeMm']>, NonNullable<Link['gaugeMm']>]),
          handling: x.handling,
          ...(x.gaugeChangeHours ? { hours: { ...x.gaugeChangeHours, provenance: HYPOTHETICAL } } : {}),
        }
      : { handling: x.handling, ...(x.gaugeChangeHours ? { hours: { ...x.gaugeChangeHours, provenance: HYPOTHETICAL } } : {}) };
  const crossing = CrossingSchema.safeParse({
    id: crossingId,
    name: `${from.name} – ${to.name} (hypothetical)`,
    places: [from.id, to.id],
    countries: [from.country, to.country],
    modes: [o.mode],
    dwell: [{ hours: { ...x.dwellHours, provenance: HYPOTHETICAL }, sources: [REQUEST_SOURCE] }],
    gaugeChange,
    status: x.status,
    statusAsOf: d.parameters.dataDate,
    sources: [REQUEST_SOURCE],
    notes: 'hypothetical crossing supplied by the request',
  });
  if (!crossing.success) {
    const issue = crossing.error.issues[0];
    throw invalid(index, `crossing.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid crossing');
  }
  d.crossings.set(crossingId, crossing.data);
  crossingIds.push(crossingId);
  return `link ${id} added (${o.mode}, ${o.lengthKm} km) with the new crossing ${crossingId}`;
}

/**
 * Applies `overlays` in order to `net`. Throws DomainError('INVALID_CONSTRAINT')
 * naming the overlay index and field for a malformed overlay or an unknown id,
 * and with `overlayIssues` when the result breaks a data-set rule.
 */
/**
 * Overlay kinds whose changes no cross-record rule (validateReferences) can
 * object to: they rewrite statuses (of links and crossings), a crossing's
 * dwell hours (as the one entry for every direction, which the dwell rule
 * asks for) and links' speedKmh (which only the speed-rule check reads, and
 * only to see whether a link has its own speed: giving it one can only
 * satisfy that check). Record-level rules on the new values (hours in order,
 * speed in range) are the overlay schema's and scaledSpeed's. So a network
 * that passed validateReferences passes it again after these, and it is not
 * run again: on a 100k-place network that check costs about a second, per
 * scenario at start-up and per request overlay. Only add-link adds records,
 * and those are checked. test/domain/scenarios/rule-neutral-overlays.test.ts
 * applies random lists of these kinds to the real network and runs the
 * check on the result.
 */
const RULE_NEUTRAL_KINDS: ReadonlySet<Overlay['kind']> = new Set([
  'set-crossing-status',
  'set-crossing-dwell',
  'scale-speed',
  'set-link-status',
  'build-corridor',
]);

export function applyOverlays(net: Network, overlays: readonly unknown[]): { network: Network; applied: AppliedOverlay[] } {
  const d: Draft = {
    places: new Map(net.places.map((p) => [p.id, p])),
    links: new Map(net.links.map((l) => [l.id, l])),
    crossings: new Map(net.crossings.map((c) => [c.id, c])),
    corridorIds: new Set(net.corridors.map((c) => c.id)),
    parameters: net.parameters,
  };
  const applied: AppliedOverlay[] = [];
  overlays.forEach((raw, index) => {
    // Re-parse: callers may hand in unchecked input, and the schema holds rules (factor > 0…) the code relies on.
    const parsed = OverlaySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(index, issue?.path.join('.') || 'kind', issue?.message ?? 'invalid overlay');
    }
    applied.push(applyOne(d, parsed.data, index));
  });
  const network: Network = {
    places: [...d.places.values()],
    links: [...d.links.values()],
    crossings: [...d.crossings.values()],
    corridors: net.corridors,
    parameters: net.parameters,
    sources: net.sources,
  };
  // Nothing changed, or only fields no cross-record rule reads: the input was validated when it was loaded.
  if (applied.every((a) => RULE_NEUTRAL_KINDS.has(a.kind))) return { network, applied };
  const added = new Set(applied.flatMap((a) => (a.kind === 'add-link' ? [...a.linkIds, ...a.crossingIds] : [])));
  const issues: DataIssue[] = validateReferences(network, (_kind: string, id: string) => (added.has(id) ? 'request overlay' : 'scenario overlay'));
  if (issues.length > 0) {
    throw new DomainError(
      'INVALID_CONSTRAINT',
      `the overlays leave the network inconsistent: ${issues.map((i) => `${i.record}.${i.field}: ${i.message}`).join('; ')}`,
      { overlayIssues: issues.map((i) => ({ record: i.record, field: i.field, message: i.message })) },
    );
  }
  return { network, applied };
}
