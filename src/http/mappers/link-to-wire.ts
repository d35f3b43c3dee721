/** Data-set link → wire Link, with its provenance, corridors and the crossing it passes. */
import type { Link } from '../../domain/network/schema.js';
import type { WireLink } from '../schemas/link.js';
import { corridorRef, crossingSummary, figureToWire, placeRefWithCountry, provenanceToWire, sourcesToWire } from './browse-to-wire.js';
import type { NetworkCatalogue } from './network-catalogue.js';
import { expectedOpeningToWire } from './as-of-to-wire.js';

export function linkToWire(cat: NetworkCatalogue, l: Link): WireLink {
  const crossing = cat.index.crossingForLink(l);
  return {
    id: l.id,
    from: placeRefWithCountry(cat.index, l.from),
    to: placeRefWithCountry(cat.index, l.to),
    mode: l.mode,
    lengthKm: l.lengthKm,
    lengthProvenance: provenanceToWire(l.length),
    gaugeMm: l.gaugeMm ?? null,
    status: l.status,
    statusAsOf: l.statusAsOf,
    expectedOpening: expectedOpeningToWire(cat.index, l.expectedOpening),
    tracks: l.tracks ?? null,
    electrified: l.electrified ?? null,
    speedKmh: l.speedKmh ? figureToWire(l.speedKmh) : null,
    ferry: l.ferry
      ? {
          crossingHours: figureToWire(l.ferry.crossingHours),
          waitHours: figureToWire(l.ferry.waitHours),
          handlingHours: figureToWire(l.ferry.handlingHours),
        }
      : null,
    sea: l.sea ? { handlingHours: figureToWire(l.sea.handlingHours) } : null,
    service:
      l.mode === 'rail' || l.mode === 'road'
        ? null
        : l.service
          ? { kind: l.service.kind, asOf: l.service.asOf, sources: sourcesToWire(cat.index, l.service.sources), notes: l.service.notes ?? null }
          : { kind: 'unknown', asOf: null, sources: [], notes: null },
    corridors: l.corridors.map((id) => corridorRef(cat.index, id)),
    crossing: crossing ? crossingSummary(crossing) : null,
    notes: l.notes ?? null,
    sources: sourcesToWire(cat.index, l.sources),
  };
}
