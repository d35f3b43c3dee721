/**
 * What the query filter (filters.ts) reads of each link and place, as typed
 * arrays built once per prepared network, so a query's masks are one pass of
 * array reads instead of string-set lookups per link: at 100k places the
 * filter closures cost ~130 ms a query, these arrays ~1 ms.
 *
 * maskFor() must decide exactly as makeFilter() does; a test holds the two
 * equal on the real network and on random options. HANDLED below lists every
 * field of FilterOptions, so a new filter field does not type-check until
 * maskFor() handles it.
 */
import type { Crossing, Network } from '../network/schema.js';
import { isUnscheduled } from '../network/service.js';
import type { FilterOptions } from './filters.js';

export interface MaskFacts {
  /** Per link (network order): code of its status and mode in the lists below. */
  linkStatus: Uint8Array;
  linkMode: Uint8Array;
  /** 1 for a ferry or sea link without scheduled sailings. */
  linkUnscheduled: Uint8Array;
  /** 1 when the crossing the link passes is closed. */
  linkClosed: Uint8Array;
  /** Place index of each end (−1: not a place of the network). */
  linkFrom: Int32Array;
  linkTo: Int32Array;
  /** Country code index of each place. */
  placeCountry: Int32Array;
  statusCode: ReadonlyMap<string, number>;
  modeCode: ReadonlyMap<string, number>;
  countryCode: ReadonlyMap<string, number>;
  /** Links by corridor id and by crossing id, for the avoid lists. */
  linksOfCorridor: ReadonlyMap<string, readonly number[]>;
  linksOfCrossing: ReadonlyMap<string, readonly number[]>;
  linkIndex: ReadonlyMap<string, number>;
  placeIndex: ReadonlyMap<string, number>;
}

/** Every filter field, handled by maskFor (the type fails when FilterOptions grows a field). */
const HANDLED = {
  include: true,
  modes: true,
  allowUnscheduled: true,
  avoidCountries: true,
  avoidPlaces: true,
  avoidCrossings: true,
  avoidCorridors: true,
  avoidLinks: true,
} as const satisfies Record<keyof FilterOptions, true>;
void HANDLED;

const codes = (values: Iterable<string>): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of values) if (!m.has(v)) m.set(v, m.size);
  return m;
};

/** `crossingOfLink[i]` is the crossing link i passes (NetworkIndex.crossingForLink), looked up once by the caller. */
export function buildMaskFacts(
  net: Network,
  crossingOfLink: readonly (Crossing | undefined)[],
  placeIndex: ReadonlyMap<string, number>,
  linkIndex: ReadonlyMap<string, number>,
): MaskFacts {
  const L = net.links.length;
  const statusCode = codes(net.links.map((l) => l.status));
  const modeCode = codes(net.links.map((l) => l.mode));
  const countryCode = codes(net.places.map((p) => p.country));
  const linkStatus = new Uint8Array(L);
  const linkMode = new Uint8Array(L);
  const linkUnscheduled = new Uint8Array(L);
  const linkClosed = new Uint8Array(L);
  const linkFrom = new Int32Array(L);
  const linkTo = new Int32Array(L);
  const linksOfCorridor = new Map<string, number[]>();
  const linksOfCrossing = new Map<string, number[]>();
  net.links.forEach((l, i) => {
    linkStatus[i] = statusCode.get(l.status)!;
    linkMode[i] = modeCode.get(l.mode)!;
    linkUnscheduled[i] = isUnscheduled(l) ? 1 : 0;
    linkFrom[i] = placeIndex.get(l.from) ?? -1;
    linkTo[i] = placeIndex.get(l.to) ?? -1;
    for (const c of l.corridors) {
      const list = linksOfCorridor.get(c);
      if (list) list.push(i);
      else linksOfCorridor.set(c, [i]);
    }
    const c = crossingOfLink[i];
    if (c) {
      linkClosed[i] = c.status === 'closed' ? 1 : 0;
      const list = linksOfCrossing.get(c.id);
      if (list) list.push(i);
      else linksOfCrossing.set(c.id, [i]);
    }
  });
  const placeCountry = Int32Array.from(net.places, (p) => countryCode.get(p.country)!);
  return {
    linkStatus,
    linkMode,
    linkUnscheduled,
    linkClosed,
    linkFrom,
    linkTo,
    placeCountry,
    statusCode,
    modeCode,
    countryCode,
    linksOfCorridor,
    linksOfCrossing,
    linkIndex,
    placeIndex,
  };
}

type Mask = { readonly placeOk: Uint8Array; readonly linkOk: Uint8Array };

/** Masks of the most recent option sets per network (read-only to every search), so repeated filters cost a lookup. */
const MASKS_KEPT = 32;
const kept = new WeakMap<MaskFacts, Map<string, Mask>>();

/** The places and links a query may use (1) under the options, exactly as makeFilter decides. Never write to them. */
export function maskFor(f: MaskFacts, o: FilterOptions): Mask {
  // Every HANDLED field, as given (lists unsorted: a different order only costs a second entry).
  const key = JSON.stringify([o.include, o.modes, o.allowUnscheduled === true, o.avoidCountries, o.avoidPlaces, o.avoidCrossings, o.avoidCorridors, o.avoidLinks]);
  let masks = kept.get(f);
  if (!masks) kept.set(f, (masks = new Map()));
  const hit = masks.get(key);
  if (hit) return hit;
  const mask = computeMask(f, o);
  if (masks.size >= MASKS_KEPT) masks.delete(masks.keys().next().value!);
  masks.set(key, mask);
  return mask;
}

function computeMask(f: MaskFacts, o: FilterOptions): Mask {
  const P = f.placeCountry.length;
  const L = f.linkStatus.length;
  const placeOk = new Uint8Array(P).fill(1);
  if (o.avoidCountries.length > 0) {
    const avoided = new Uint8Array(f.countryCode.size);
    for (const c of o.avoidCountries) {
      const k = f.countryCode.get(c);
      if (k !== undefined) avoided[k] = 1;
    }
    for (let i = 0; i < P; i++) if (avoided[f.placeCountry[i]!] === 1) placeOk[i] = 0;
  }
  for (const id of o.avoidPlaces) {
    const i = f.placeIndex.get(id);
    if (i !== undefined) placeOk[i] = 0;
  }
  const statusOk = new Uint8Array(f.statusCode.size);
  for (const s of ['operational', ...o.include]) {
    const k = f.statusCode.get(s);
    if (k !== undefined) statusOk[k] = 1;
  }
  const modeOk = new Uint8Array(f.modeCode.size);
  for (const m of o.modes) {
    const k = f.modeCode.get(m);
    if (k !== undefined) modeOk[k] = 1;
  }
  const unscheduledOk = o.allowUnscheduled ? 1 : 0;
  const linkOk = new Uint8Array(L);
  const { linkStatus, linkMode, linkUnscheduled, linkClosed, linkFrom, linkTo } = f;
  for (let i = 0; i < L; i++) {
    const a = linkFrom[i]!;
    const b = linkTo[i]!;
    linkOk[i] =
      statusOk[linkStatus[i]!]! & modeOk[linkMode[i]!]! & (unscheduledOk | (linkUnscheduled[i]! ^ 1)) & (linkClosed[i]! ^ 1) &
      (a < 0 ? 0 : placeOk[a]!) & (b < 0 ? 0 : placeOk[b]!);
  }
  const drop = (list: readonly number[] | undefined): void => {
    if (list) for (const i of list) linkOk[i] = 0;
  };
  for (const id of o.avoidLinks) {
    const i = f.linkIndex.get(id);
    if (i !== undefined) linkOk[i] = 0;
  }
  for (const c of o.avoidCorridors) drop(f.linksOfCorridor.get(c));
  for (const c of o.avoidCrossings) drop(f.linksOfCrossing.get(c));
  return { placeOk, linkOk };
}
