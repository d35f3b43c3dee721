/** Wire routes → GeoJSON FeatureCollection with one LineString Feature per leg. */
import type { WireRoute } from '../schemas/route-response.js';
import type { RouteLegFeatureCollection } from '../schemas/route-geojson.js';

export function routesToGeoJson(routes: readonly WireRoute[]): RouteLegFeatureCollection {
  const features: RouteLegFeatureCollection['features'] = [];
  for (const route of routes) {
    // geometry has one position per place passed, so leg i runs from position i to position i + 1.
    const coords = route.geometry.coordinates;
    route.legs.forEach((leg, i) => {
      const a = coords[i];
      const b = coords[i + 1];
      if (!a || !b) throw new Error(`route ${route.rank}: no coordinates for leg ${i + 1}`);
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [a, b] },
        properties: {
          routeIndex: route.rank,
          legIndex: i + 1,
          linkId: leg.linkId,
          from: leg.from.id,
          fromName: leg.from.name,
          to: leg.to.id,
          toName: leg.to.name,
          mode: leg.mode,
          km: leg.km,
          hours: leg.hours.typical,
          gaugeMm: leg.gaugeMm,
          status: leg.status,
          corridors: [...leg.corridors],
          kgCo2e: leg.co2.kgCo2e,
        },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
