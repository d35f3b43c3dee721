/** Data-set place → wire Place / PlaceDetail. */
import type { NetworkIndex } from '../../domain/network/network-index.js';
import type { Place } from '../../domain/network/schema.js';
import type { PlaceDetail, WirePlace } from '../schemas/place.js';
import { crossingSummary, figureToWire, linkSummary, provenanceToWire, sourcesToWire } from './browse-to-wire.js';
import type { NetworkCatalogue } from './network-catalogue.js';

export function placeToWire(index: NetworkIndex, p: Place): WirePlace {
  return {
    id: p.id,
    name: p.name,
    aliases: [...p.aliases],
    country: p.country,
    kind: p.kind,
    unlocode: p.unlocode ?? null,
    city: p.city ?? null,
    cityMain: p.cityMain ?? false,
    lat: p.lat,
    lon: p.lon,
    coordinatesProvenance: provenanceToWire(p.coordinates),
    transshipment: p.transshipment
      ? { handling: p.transshipment.handling, hours: figureToWire(p.transshipment.hours), sources: sourcesToWire(index, p.transshipment.sources) }
      : null,
    notes: p.notes ?? null,
    sources: sourcesToWire(index, p.sources),
  };
}

export function placeDetailToWire(cat: NetworkCatalogue, p: Place): PlaceDetail {
  return {
    ...placeToWire(cat.index, p),
    links: cat.index.linksAt(p.id).map((l) => linkSummary(cat.index, l)),
    crossings: cat.index.crossingsAt(p.id).map(crossingSummary),
  };
}
