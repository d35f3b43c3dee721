/**
 * Links (already filtered) → GeoJSON FeatureCollection: the places at their
 * ends as Points (sorted by id), then the links as straight LineStrings
 * (sorted by id). Coordinates are [lon, lat] as RFC 7946 wants.
 */
import type { Link } from '../../domain/network/schema.js';
import type { NetworkFeatureCollection } from '../schemas/network-geojson.js';
import type { NetworkCatalogue } from './network-catalogue.js';

type Feature = NetworkFeatureCollection['features'][number];

export function networkToGeoJson(cat: NetworkCatalogue, links: readonly Link[]): NetworkFeatureCollection {
  const placeIds = [...new Set(links.flatMap((l) => [l.from, l.to]))].sort();
  const position = (id: string): [number, number] => {
    const p = cat.index.placeById.get(id);
    if (p === undefined) throw new Error(`unknown place ${id}`);
    return [p.lon, p.lat];
  };
  const places: Feature[] = placeIds.map((id) => {
    const p = cat.index.placeById.get(id)!;
    return {
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: position(p.id) },
      properties: { featureType: 'place', id: p.id, name: p.name, country: p.country, kind: p.kind, unlocode: p.unlocode ?? null },
    };
  });
  const lines: Feature[] = [...links]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l) => ({
      type: 'Feature',
      id: l.id,
      geometry: { type: 'LineString', coordinates: [position(l.from), position(l.to)] },
      properties: {
        featureType: 'link',
        id: l.id,
        from: l.from,
        to: l.to,
        mode: l.mode,
        lengthKm: l.lengthKm,
        gaugeMm: l.gaugeMm ?? null,
        status: l.status,
        corridors: [...l.corridors],
      },
    }));
  return { type: 'FeatureCollection', features: [...places, ...lines] };
}
