/**
 * Wire routes → GeoJSON FeatureCollection: per route a `route` feature with
 * the totals (transitHours low / typical / high and hoursByComponent), then
 * in travel order one LineString per leg and one Point per border dwell,
 * gauge change and change of mode, built from the same timeline as the CSV,
 * so the hours of the legs and stops add up to the route's.
 */
import { TERMINAL_NOTE } from './route-csv.js';
import type { RouteFeatureCollection } from '../schemas/route-geojson.js';
import type { WireRoute } from '../schemas/route-response.js';
import { routeCoordinates } from './polyline.js';
import { routeTimeline } from './route-timeline.js';

type Position = [number, number];
type Feature = RouteFeatureCollection['features'][number];

const bands = (h: WireRoute['transitHours']) => ({ hoursLow: h.low, hoursTypical: h.typical, hoursHigh: h.high });

function routeFeatures(route: WireRoute): Feature[] {
  // geometry has one position per place passed, so leg i runs from position i to position i + 1.
  const coords = routeCoordinates(route.geometry);
  const at = new Map<string, Position>();
  route.legs.forEach((leg, i) => {
    const a = coords[i];
    const b = coords[i + 1];
    if (!a || !b) throw new Error(`route ${route.rank}: no coordinates for leg ${i + 1}`);
    at.set(leg.from.id, a);
    at.set(leg.to.id, b);
  });
  const position = (id: string): Position => {
    const p = at.get(id);
    if (!p) throw new Error(`route ${route.rank}: no coordinates for place ${id}`);
    return p;
  };

  const features: Feature[] = [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: coords },
      properties: {
        kind: 'route',
        routeIndex: route.rank,
        distanceKm: route.distanceKm,
        ...bands(route.transitHours),
        transitDays: route.transitDays,
        hoursByComponent: { ...route.hoursByComponent },
        countries: [...route.countries],
        crossings: route.borderCrossings.length,
        gaugeBreaks: route.gaugeBreaks.length,
        kgCo2e: route.co2.kgCo2e,
      },
    },
  ];
  for (const item of routeTimeline(route)) {
    if (item.kind === 'leg') {
      const leg = item.leg;
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [position(leg.from.id), position(leg.to.id)] },
        properties: {
          kind: 'leg',
          routeIndex: route.rank,
          legIndex: item.legIndex,
          component: item.component,
          linkId: leg.linkId,
          from: leg.from.id,
          fromName: leg.from.name,
          to: leg.to.id,
          toName: leg.to.name,
          mode: leg.mode,
          km: leg.km,
          hours: leg.hours.typical,
          ...bands(leg.hours),
          gaugeMm: leg.gaugeMm,
          status: leg.status,
          corridors: [...leg.corridors],
          kgCo2e: leg.co2.kgCo2e,
        },
      });
    } else if (item.kind === 'border-dwell') {
      const c = item.crossing;
      const [a, b] = [position(c.from.id), position(c.to.id)];
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] },
        properties: {
          kind: 'border-dwell',
          routeIndex: route.rank,
          component: item.component,
          ref: c.id,
          places: [c.from.id, c.to.id],
          name: c.name,
          ...bands(item.hours),
          note: `border ${c.countries.join(' to ')}, crossing ${c.status}${c.gaugeChange?.includedInDwell ? '; the dwell includes the gauge change' : ''}`,
        },
      });
    } else if (item.kind === 'gauge-change') {
      const g = item.gaugeBreak;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position(item.place.id) },
        properties: {
          kind: 'gauge-change',
          routeIndex: route.rank,
          component: item.component,
          ref: g.crossingId ?? item.place.id,
          places: [item.place.id],
          name: item.place.name,
          ...bands(item.hours),
          note:
            `gauge ${g.fromGaugeMm} mm to ${g.toGaugeMm} mm by ${g.handling}` +
            (g.includedInDwell ? `; included in the border dwell (facility time ${g.hours.typical} h typical, not added again)` : ''),
        },
      });
    } else if (item.kind === 'terminal') {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position(item.place.id) },
        properties: {
          kind: 'terminal',
          routeIndex: route.rank,
          component: item.component,
          ref: item.place.id,
          places: [item.place.id],
          name: item.place.name,
          ...bands(item.hours),
          note: TERMINAL_NOTE[item.terminal.kind],
        },
      });
    } else {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position(item.place.id) },
        properties: {
          kind: 'transfer',
          routeIndex: route.rank,
          component: item.component,
          ref: item.place.id,
          places: [item.place.id],
          name: item.place.name,
          ...bands(item.hours),
          note: `change of mode from ${item.transfer.fromMode} to ${item.transfer.toMode}`,
        },
      });
    }
  }
  return features;
}

export function routesToGeoJson(routes: readonly WireRoute[]): RouteFeatureCollection {
  return { type: 'FeatureCollection', features: routes.flatMap(routeFeatures) };
}
