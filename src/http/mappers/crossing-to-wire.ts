/** Data-set crossing → wire Crossing: dwell per direction as routes use it, gauge change, status, links through it. */
import { dwellByDirection, gaugesDiffer } from '../../domain/network/crossing-directions.js';
import type { Crossing } from '../../domain/network/schema.js';
import type { WireCrossing } from '../schemas/crossing.js';
import { figureToWire, linkSummary, placeRefWithCountry, sourcesToWire } from './browse-to-wire.js';
import type { NetworkCatalogue } from './network-catalogue.js';
import { expectedOpeningToWire } from './as-of-to-wire.js';

export function crossingToWire(cat: NetworkCatalogue, c: Crossing): WireCrossing {
  const g = c.gaugeChange;
  return {
    id: c.id,
    name: c.name,
    places: c.places.map((id) => placeRefWithCountry(cat.index, id)),
    countries: [...c.countries],
    modes: [...c.modes],
    dwell: dwellByDirection(c).map((d) => ({
      fromCountry: d.fromCountry,
      toCountry: d.toCountry,
      hours: figureToWire(d.entry.hours),
      directionSpecific: d.directionSpecific,
      sources: sourcesToWire(cat.index, d.entry.sources),
    })),
    gaugeChange: {
      changesGauge: gaugesDiffer(c),
      gaugesMm: g.gauges ? [...g.gauges] : null,
      handling: g.handling,
      hours: g.hours ? figureToWire(g.hours) : null,
      includedInDwell: g.includedInDwell,
      description: g.description ?? null,
    },
    status: c.status,
    statusAsOf: c.statusAsOf,
    statusSources: sourcesToWire(cat.index, c.statusSources),
    expectedOpening: expectedOpeningToWire(cat.index, c.expectedOpening),
    links: (cat.linksByCrossing.get(c.id) ?? []).map((l) => linkSummary(cat.index, l)),
    notes: c.notes ?? null,
    sources: sourcesToWire(cat.index, c.sources),
  };
}
