/** Corridor and its summary → wire Corridor (km rounded to 0.1 km). */
import type { CorridorSummary } from '../../domain/network/corridor-summary.js';
import type { WireCorridor } from '../schemas/corridor.js';
import { crossingSummary, linkSummary, round1, sourcesToWire } from './browse-to-wire.js';
import type { NetworkCatalogue } from './network-catalogue.js';

export function corridorToWire(cat: NetworkCatalogue, s: CorridorSummary): WireCorridor {
  const km = s.lengthKmByStatus;
  return {
    id: s.corridor.id,
    name: s.corridor.name,
    description: s.corridor.description,
    lengthKm: round1(s.lengthKm),
    lengthKmByStatus: {
      operational: round1(km.operational),
      underConstruction: round1(km['under-construction']),
      planned: round1(km.planned),
      proposed: round1(km.proposed),
      suspended: round1(km.suspended),
    },
    countries: [...s.countries],
    links: s.linkIds.map((id) => linkSummary(cat.index, cat.index.linkById.get(id)!)),
    crossings: s.crossingIds.map((id) => crossingSummary(cat.index.crossingById.get(id)!)),
    sources: sourcesToWire(cat.index, s.corridor.sources),
  };
}
