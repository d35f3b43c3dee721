/**
 * CO2e of a route for a given cargo mass: per leg, km × tonnes × factor
 * (kg CO2e per tonne-km). Rail counts as electric only where the link says
 * electrified === true; unknown electrification counts as diesel, the
 * higher-emitting and more common traction on these corridors.
 */
import { DomainError } from '../errors.js';
import type { Link, Network } from '../network/schema.js';
import type { Route } from '../routing/route-types.js';
import type { EmissionFactor, EmissionFactors, LegKind } from './emission-schema.js';

export interface RouteEmissions {
  totalKgCo2e: number;
  byLeg: { linkId: string; kgCo2e: number; factorId: string }[];
  scope: string;
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
  const factorById = new Map<string, EmissionFactor>(factors.factors.map((f) => [f.id, f]));
  const kmByKind = new Map<LegKind, number>();
  const unknownElectrification: string[] = [];
  const missingLinks: string[] = [];

  const byLeg = route.legs.map((leg) => {
    const link = linkById.get(leg.linkId);
    if (!link) missingLinks.push(leg.linkId);
    else if (leg.mode === 'rail' && link.electrified === undefined) unknownElectrification.push(leg.linkId);
    const kind = legKind(leg.mode, link);
    const factorId = factors.defaults[kind];
    const factor = factorById.get(factorId);
    // The loader guarantees every default exists; a hand-built factor set may not.
    if (!factor) throw new DomainError('INVALID_DATA', `emission factor "${factorId}" for ${kind} legs is missing`, { factorId });
    kmByKind.set(kind, (kmByKind.get(kind) ?? 0) + leg.km);
    return { linkId: leg.linkId, kgCo2e: leg.km * cargoTonnes * factor.kgCo2ePerTkm, factorId };
  });

  const notes: string[] = [];
  const electricKm = kmByKind.get('rail-electric') ?? 0;
  if (electricKm > 0) {
    const f = factorById.get(factors.defaults['rail-electric']);
    notes.push(
      `${round1(electricKm)} km on electrified rail counted at ${f?.kgCo2ePerTkm} kg CO2e/tkm (${factors.scope}); power-station emissions are not included (no grid factor for these countries at hand).`,
    );
  }
  if (unknownElectrification.length > 0) {
    notes.push(`electrification not recorded on ${unknownElectrification.length} rail link(s); counted as diesel: ${unknownElectrification.join(', ')}.`);
  }
  if (missingLinks.length > 0) {
    notes.push(`link(s) not in this network, counted by the leg's mode as non-electric: ${missingLinks.join(', ')}.`);
  }
  if ((kmByKind.get('ferry') ?? 0) > 0) notes.push(`ferry legs use a UK ro-ro factor; no Caspian-specific factor is at hand.`);
  if ((kmByKind.get('sea') ?? 0) > 0) {
    const f = factorById.get(factors.defaults.sea);
    notes.push(`sea legs use the ${f?.vehicle ?? f?.id} factor.`);
  }

  return {
    totalKgCo2e: byLeg.reduce((s, l) => s + l.kgCo2e, 0),
    byLeg,
    scope: factors.scope,
    notes,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
