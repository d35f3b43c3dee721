/**
 * Greenhouse-gas emissions of a route under ISO 14083 / the GLEC Framework
 * default-value method: per leg, tonne-km (leg km × cargo t) × the
 * intensity of the leg's mode and traction, as tank-to-wheel (TTW),
 * well-to-tank (WTT) and their sum well-to-wheel (WTW), kg CO2e; plus the
 * emissions of hubs (gauge changes, ports) where a hub factor is given.
 *
 * Traction comes from the link's `electrified` field: true → electric,
 * false → diesel, absent → diesel (the stated default) and the leg says the
 * traction is not recorded. Electric traction has TTW 0 and WTT = energy
 * per tonne-km × the grid intensity of the country the leg starts in.
 */
import { DomainError } from '../errors.js';
import type { Link, Network } from '../network/schema.js';
import type { Route } from '../routing/route-types.js';
import type { EmissionFactor, EmissionFactors, GridFactor, HubFactor, LegKind } from './emission-schema.js';

export interface LegEmissions {
  linkId: string;
  kind: LegKind;
  factorId: string;
  /** Rail only. */
  traction?: 'diesel' | 'electric';
  /** Rail only: false when the link does not record its electrification and the default (diesel) was used. */
  tractionKnown?: boolean;
  /** Electric rail: the country whose grid is counted and its intensity, g CO2e/kWh. */
  grid?: { country: string; gCo2ePerKwh: number; year: number; fallback: boolean };
  ttwKgCo2e: number;
  wttKgCo2e: number;
  wtwKgCo2e: number;
}

export interface HubEmissions {
  placeId: string;
  kind: HubFactor['kind'];
  factorId: string;
  ttwKgCo2e: number;
  wttKgCo2e: number;
  wtwKgCo2e: number;
}

export interface RouteEmissions {
  method: string;
  ttwKgCo2e: number;
  wttKgCo2e: number;
  wtwKgCo2e: number;
  /** The headline figure: WTW, legs and hubs. */
  totalKgCo2e: number;
  scope: 'WTW';
  byLeg: LegEmissions[];
  hubs: HubEmissions[];
  notes: string[];
}

function legKind(mode: Link['mode'], link: Link | undefined): LegKind {
  if (mode === 'rail') return link?.electrified === true ? 'rail-electric' : 'rail-diesel';
  return mode;
}

export function routeEmissions(route: Route, net: Network, factors: EmissionFactors, cargoTonnes: number): RouteEmissions {
  if (!Number.isFinite(cargoTonnes) || cargoTonnes <= 0) {
    throw new DomainError('INVALID_CONSTRAINT', `cargoTonnes must be a positive number, got ${cargoTonnes}`, { field: 'cargoTonnes', value: cargoTonnes });
  }
  const linkById = new Map(net.links.map((l) => [l.id, l]));
  const countryOf = new Map(net.places.map((p) => [p.id, p.country]));
  const factorById = new Map<string, EmissionFactor>(factors.factors.map((f) => [f.id, f]));
  const gridByCountry = new Map<string, GridFactor>(factors.grid.map((g) => [g.country, g]));
  const highestGrid = factors.grid.reduce((a, b) => (b.gCo2ePerKwh > a.gCo2ePerKwh ? b : a));
  const unknownTraction: string[] = [];
  const missingLinks: string[] = [];
  const gridFallback = new Set<string>();
  const electricKmByCountry = new Map<string, number>();

  const byLeg = route.legs.map((leg): LegEmissions => {
    const link = linkById.get(leg.linkId);
    if (!link) missingLinks.push(leg.linkId);
    const kind = legKind(leg.mode, link);
    const factorId = factors.defaults[kind];
    const factor = factorById.get(factorId);
    // The loader guarantees every default exists; a hand-built factor set may not.
    if (!factor) throw new DomainError('INVALID_DATA', `emission factor "${factorId}" for ${kind} legs is missing`, { factorId });
    const tkm = leg.km * cargoTonnes;
    const out: LegEmissions = { linkId: leg.linkId, kind, factorId, ttwKgCo2e: tkm * factor.ttwKgCo2ePerTkm, wttKgCo2e: 0, wtwKgCo2e: 0 };
    if (leg.mode === 'rail') {
      out.traction = kind === 'rail-electric' ? 'electric' : 'diesel';
      out.tractionKnown = link?.electrified !== undefined;
      if (!out.tractionKnown) unknownTraction.push(leg.linkId);
    }
    if (factor.energyKwhPerTkm !== undefined) {
      const country = countryOf.get(leg.from) ?? '??';
      const own = gridByCountry.get(country);
      const g = own ?? highestGrid;
      if (!own) gridFallback.add(country);
      out.grid = { country, gCo2ePerKwh: g.gCo2ePerKwh, year: g.year, fallback: own === undefined };
      out.wttKgCo2e = (tkm * factor.energyKwhPerTkm * g.gCo2ePerKwh) / 1000;
      electricKmByCountry.set(country, (electricKmByCountry.get(country) ?? 0) + leg.km);
    } else {
      out.wttKgCo2e = tkm * (factor.wttKgCo2ePerTkm ?? 0);
    }
    out.wtwKgCo2e = out.ttwKgCo2e + out.wttKgCo2e;
    return out;
  });

  const hubs: HubEmissions[] = [];
  const hubByKind = new Map(factors.hubs.map((h) => [h.kind, h]));
  const sites: { placeId: string; kind: HubFactor['kind'] }[] = [
    ...route.gaugeBreaks.map((b) => ({ placeId: b.placeId, kind: 'gauge-change' as const })),
    ...route.transfers
      .filter((t) => t.fromMode === 'ferry' || t.fromMode === 'sea' || t.toMode === 'ferry' || t.toMode === 'sea')
      .map((t) => ({ placeId: t.placeId, kind: 'port' as const })),
  ];
  const uncounted = { 'gauge-change': 0, port: 0 };
  for (const s of sites) {
    const h = hubByKind.get(s.kind);
    if (!h) {
      uncounted[s.kind]++;
      continue;
    }
    const ttw = cargoTonnes * h.ttwKgCo2ePerTonne;
    const wtt = cargoTonnes * h.wttKgCo2ePerTonne;
    hubs.push({ placeId: s.placeId, kind: s.kind, factorId: h.id, ttwKgCo2e: ttw, wttKgCo2e: wtt, wtwKgCo2e: ttw + wtt });
  }

  const notes: string[] = [];
  for (const [country, km] of electricKmByCountry) {
    const g = gridByCountry.get(country);
    notes.push(
      g
        ? `${round1(km)} km on electrified rail in ${country}: TTW 0, WTT from the ${country} grid at ${g.gCo2ePerKwh} g CO2e/kWh (${g.year}).`
        : `${round1(km)} km on electrified rail in ${country}: no grid figure for ${country}, counted at the highest listed (${highestGrid.country}, ${highestGrid.gCo2ePerKwh} g CO2e/kWh).`,
    );
  }
  if (unknownTraction.length > 0) {
    notes.push(`electrification not recorded on ${unknownTraction.length} rail link(s); counted as diesel (the stated default): ${unknownTraction.join(', ')}.`);
  }
  if (missingLinks.length > 0) notes.push(`link(s) not in this network, counted by the leg's mode as non-electric: ${missingLinks.join(', ')}.`);
  if (uncounted['gauge-change'] + uncounted.port > 0) {
    notes.push(
      `terminal emissions not counted at ${uncounted['gauge-change']} gauge change(s) and ${uncounted.port} port transfer(s): no sourced hub factor in data/emission-factors.json.`,
    );
  }
  if (byLeg.some((l) => l.kind === 'ferry')) {
    const f = factorById.get(factors.defaults.ferry);
    notes.push(`ferry legs use the ${f?.vehicle ?? f?.id} factor; a Caspian-specific factor: no published figure at hand.`);
  }
  if (byLeg.some((l) => l.kind === 'sea')) {
    const f = factorById.get(factors.defaults.sea);
    notes.push(`sea legs use the ${f?.vehicle ?? f?.id} factor; its WTT part is an estimate (see the factor's method).`);
  }

  const sum = (xs: readonly { ttwKgCo2e: number; wttKgCo2e: number }[], k: 'ttwKgCo2e' | 'wttKgCo2e') => xs.reduce((s, x) => s + x[k], 0);
  const ttw = sum(byLeg, 'ttwKgCo2e') + sum(hubs, 'ttwKgCo2e');
  const wtt = sum(byLeg, 'wttKgCo2e') + sum(hubs, 'wttKgCo2e');
  return {
    method: factors.method,
    ttwKgCo2e: ttw,
    wttKgCo2e: wtt,
    wtwKgCo2e: ttw + wtt,
    totalKgCo2e: ttw + wtt,
    scope: 'WTW',
    byLeg,
    hubs,
    notes,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
