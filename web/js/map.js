// The map: Natural Earth country outlines (world-atlas TopoJSON) as the only base layer, so
// no tile server is needed; the network from /v1/network styled by mode and gauge (colour) and
// status (dash pattern), or coloured by corridor; border crossings and gauge-change points;
// the routes of an answer; and the places reachable within a time budget.
import * as L from '../vendor/leaflet/leaflet-src.esm.js';
import { feature } from '../vendor/topojson-client/index.js';
import { HANDLING_LABELS, STATUS_LABELS, countryName, el, num } from './format.js';

export const GAUGE_COLOURS = { 1520: '#c0392b', 1435: '#1f5fbf', 1676: '#1e8449' };
export const MODE_COLOURS = { ferry: '#0097a7', sea: '#5b6d84', road: '#a0522d' };
/** SVG dash patterns, px: solid for lines in service, ever sparser the further a line is from running. */
export const STATUS_DASH = { operational: '', 'under-construction': '10 5', planned: '6 6', proposed: '2 6', suspended: '12 4 2 4' };
export const CORRIDOR_COLOURS = ['#e67e22', '#8e44ad', '#16a085', '#c2185b', '#2e86c1', '#7d6608', '#d35400', '#34495e', '#27ae60', '#b03a2e'];
export const ROUTE_COLOURS = ['#ff6f00', '#6a1b9a', '#00838f', '#ad1457', '#283593'];
const OTHER_CORRIDOR = '#9aa4ad';

function linkColour(p, byCorridor, corridorIndex) {
  if (byCorridor) {
    const c = p.corridors[0];
    return c === undefined ? OTHER_CORRIDOR : CORRIDOR_COLOURS[corridorIndex.get(c) % CORRIDOR_COLOURS.length];
  }
  if (p.mode === 'rail') return GAUGE_COLOURS[p.gaugeMm] ?? '#555';
  return MODE_COLOURS[p.mode] ?? '#555';
}

function linkStyle(p, byCorridor, corridorIndex) {
  return {
    color: linkColour(p, byCorridor, corridorIndex),
    weight: p.mode === 'sea' ? 1.5 : p.mode === 'rail' ? 3 : 2.5,
    opacity: p.status === 'operational' ? 0.9 : 0.75,
    dashArray: STATUS_DASH[p.status] || null,
    lineCap: 'butt',
  };
}

const latLngs = (coords) => coords.map(([lon, lat]) => [lat, lon]);

export class PlannerMap {
  constructor(container) {
    this.map = L.map(container, { zoomSnap: 0.25, minZoom: 3, maxZoom: 10, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Outlines: Natural Earth via world-atlas · Map: Leaflet');
    // Drawing order, bottom to top: outlines, network, reachability, routes, place dots, crossing and gauge marks.
    for (const [name, z] of [['base', 200], ['network', 400], ['reach', 430], ['routes', 450], ['points', 620], ['marks', 640]]) {
      this.map.createPane(name).style.zIndex = String(z);
    }
    this.map.setView([38, 62], 4);
    this.byCorridor = false;
    this.corridorIndex = new Map();
    this.networkLayer = null;
    this.routeLayer = L.layerGroup().addTo(this.map);
    this.reachLayer = L.layerGroup().addTo(this.map);
    // The map's box changes with the legend below it and the window; Leaflet must know its size to fit routes.
    new ResizeObserver(() => this.map.invalidateSize()).observe(this.map.getContainer());
    // While Leaflet pans or animates a zoom, marks and lines sit in different panes and are moved separately:
    // data-moving on the map's box says when what is on screen is not yet where it will rest.
    const box = this.map.getContainer();
    this.map.on('movestart zoomstart', () => (box.dataset.moving = 'true'));
    this.map.on('moveend', () => delete box.dataset.moving);
  }

  async drawBase(topology) {
    const countries = feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      pane: 'base',
      interactive: false,
      style: { color: '#9da7b1', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
    }).addTo(this.map);
  }

  /** The network FeatureCollection; `corridors` gives the order (and colour) of corridor ids. */
  drawNetwork(network, corridors) {
    this.corridors = corridors;
    corridors.forEach((c, i) => this.corridorIndex.set(c.id, i));
    this.places = new Map();
    for (const f of network.features) if (f.properties.featureType === 'place') this.places.set(f.id, f);
    const links = network.features.filter((f) => f.properties.featureType === 'link');
    this.networkLayer = L.geoJSON(
      { type: 'FeatureCollection', features: links },
      {
        pane: 'network',
        style: (f) => linkStyle(f.properties, this.byCorridor, this.corridorIndex),
        onEachFeature: (f, layer) => {
          const p = f.properties;
          const names = p.corridors.map((id) => corridors.find((c) => c.id === id)?.name ?? id);
          layer.bindTooltip(
            `${this.placeName(p.from)} – ${this.placeName(p.to)}: ${p.mode}${p.gaugeMm ? ` ${p.gaugeMm} mm` : ''}, ` +
              `${num(p.lengthKm)} km, ${STATUS_LABELS[p.status]}${names.length ? ` · ${names.join(', ')}` : ''}`,
            { sticky: true },
          );
        },
      },
    ).addTo(this.map);
    const placeLayer = L.layerGroup();
    for (const f of this.places.values()) {
      const [lon, lat] = f.geometry.coordinates;
      const big = f.properties.kind === 'port' || f.properties.kind === 'city';
      L.circleMarker([lat, lon], {
        pane: 'points',
        radius: big ? 3.5 : 2.5,
        color: '#2c3e50',
        weight: 1,
        fillColor: '#fff',
        fillOpacity: 1,
        className: `place-dot place-${f.id}`,
      })
        .bindTooltip(`${f.properties.name} (${countryName(f.properties.country)})${f.properties.unlocode ? ` · ${f.properties.unlocode}` : ''}`)
        .addTo(placeLayer);
    }
    placeLayer.addTo(this.map);
    this.map.fitBounds(this.networkLayer.getBounds(), { padding: [10, 10] });
  }

  placeName(id) {
    return this.places?.get(id)?.properties.name ?? id;
  }

  placeLatLng(id) {
    const f = this.places?.get(id);
    return f ? [f.geometry.coordinates[1], f.geometry.coordinates[0]] : null;
  }

  /** Border crossings (diamonds, by status) and gauge-change points (rings): at crossings and at inland transshipment places. */
  drawMarkers(crossings, places) {
    const layer = L.layerGroup();
    for (const c of crossings) {
      const ends = c.places.map((p) => this.placeLatLng(p.id)).filter(Boolean);
      if (ends.length === 0) continue;
      const at = [ends.reduce((s, e) => s + e[0], 0) / ends.length, ends.reduce((s, e) => s + e[1], 0) / ends.length];
      // /v1/border-crossings: gaugeChange is always there; changesGauge says whether the two sides differ.
      const gc = c.gaugeChange?.changesGauge ? c.gaugeChange : null;
      const status = ['open', 'restricted', 'closed', 'planned'].includes(c.status) ? c.status : 'other';
      const tip = `${c.name}: crossing ${c.status}${gc ? `; gauge change ${(gc.gaugesMm ?? []).join('/')} mm, ${HANDLING_LABELS[gc.handling] ?? gc.handling}` : ''}`;
      L.marker(at, {
        pane: 'marks',
        icon: L.divIcon({ className: `mk-crossing mk-${status}${gc ? ' mk-gauge' : ''}`, iconSize: [12, 12] }),
        keyboard: false,
        title: tip,
        alt: tip,
      })
        .bindTooltip(tip)
        .addTo(layer);
    }
    // A place that changes gauge at its own crossing is already shown by that crossing's ring.
    const atCrossing = new Set(crossings.filter((c) => c.gaugeChange?.changesGauge).flatMap((c) => c.places.map((p) => p.id)));
    for (const p of places) {
      const t = p.transshipment;
      if (!t || t.handling === 'rail-to-road' || t.handling === 'none' || atCrossing.has(p.id)) continue;
      const tip = `${p.name}: gauge change, ${HANDLING_LABELS[t.handling] ?? t.handling}, ${num(t.hours.typical)} h typical`;
      L.marker([p.lat, p.lon], {
        pane: 'marks',
        icon: L.divIcon({ className: 'mk-gauge-point', iconSize: [14, 14] }),
        keyboard: false,
        title: tip,
        alt: tip,
      })
        .bindTooltip(tip)
        .addTo(layer);
    }
    layer.addTo(this.map);
  }

  setColourByCorridor(on) {
    this.byCorridor = on;
    this.networkLayer?.setStyle((f) => linkStyle(f.properties, on, this.corridorIndex));
  }

  /** Every route of an answer in legend order (rank 1 first); the chosen one on top, the others dimmed. */
  drawRoutes(routes, chosenRank, { fit }) {
    this.routeLayer.clearLayers();
    const chosen = routes.find((r) => r.rank === chosenRank) ?? routes[0];
    const order = [...routes.filter((r) => r !== chosen), chosen];
    for (const r of order) {
      const pts = latLngs(r.geometry.coordinates);
      const colour = ROUTE_COLOURS[(r.rank - 1) % ROUTE_COLOURS.length];
      const isChosen = r === chosen;
      if (isChosen) {
        L.polyline(pts, { pane: 'routes', color: '#fff', weight: 10, opacity: 0.9, interactive: false }).addTo(this.routeLayer);
      }
      L.polyline(pts, {
        pane: 'routes',
        color: colour,
        weight: isChosen ? 6 : 4,
        opacity: isChosen ? 1 : 0.45,
        className: `route-line route-rank-${r.rank}${isChosen ? ' route-chosen' : ' route-alternative'}`,
      })
        .bindTooltip(`Route ${r.rank}: ${num(r.distanceKm)} km, ${num(r.transitDays.typical)} days typical`, { sticky: true })
        .addTo(this.routeLayer);
    }
    const ends = chosen.geometry.coordinates;
    if (ends.length > 0) {
      const [a, b] = [ends[0], ends[ends.length - 1]];
      for (const [pt, cls] of [[a, 'mk-origin'], [b, 'mk-destination']]) {
        L.marker([pt[1], pt[0]], { pane: 'marks', icon: L.divIcon({ className: cls, iconSize: [16, 16] }), keyboard: false, interactive: false }).addTo(
          this.routeLayer,
        );
      }
    }
    if (fit) this.map.fitBounds(L.latLngBounds(routes.flatMap((r) => latLngs(r.geometry.coordinates))), { padding: [30, 30], maxZoom: 7 });
  }

  clearRoutes() {
    this.routeLayer.clearLayers();
  }

  /** Places reachable within `maxHours`, shaded from dark (near) to light (at the budget). */
  drawReach(origin, places, maxHours) {
    this.reachLayer.clearLayers();
    for (const p of places) {
      const share = Math.min(1, p.typicalHours / maxHours);
      L.circleMarker([p.coordinates[1], p.coordinates[0]], {
        pane: 'reach',
        radius: 9,
        stroke: false,
        fillColor: reachColour(share),
        fillOpacity: 0.65,
        className: 'reach-place',
      })
        .bindTooltip(`${p.place.name}: ${num(p.typicalHours)} h (${num(p.typicalHours / 24)} days), ${num(p.distanceKm)} km, ${p.crossings} border(s)`)
        .addTo(this.reachLayer);
    }
    const o = this.placeLatLng(origin.id);
    if (o) L.circleMarker(o, { pane: 'reach', radius: 11, color: '#111', weight: 2, fill: false, interactive: false }).addTo(this.reachLayer);
  }

  clearReach() {
    this.reachLayer.clearLayers();
  }
}

/** Share of the budget used (0..1) → a colour from dark green through amber to light yellow. */
export function reachColour(share) {
  const stops = [
    [0, [0, 104, 55]],
    [0.5, [217, 140, 0]],
    [1, [255, 224, 102]],
  ];
  const i = share <= 0.5 ? 0 : 1;
  const [s0, c0] = stops[i];
  const [s1, c1] = stops[i + 1];
  const t = (share - s0) / (s1 - s0);
  const c = c0.map((v, k) => Math.round(v + (c1[k] - v) * t));
  return `rgb(${c.join(',')})`;
}

/** The legend below the map: colours by mode and gauge or by corridor, dash patterns by status, markers. */
export function renderLegend(container, byCorridor, corridors) {
  const line = (colour, dash, label) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '34');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const l = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 33, y2: 5, stroke: colour, 'stroke-width': 3 })) l.setAttribute(k, String(v));
    if (dash) l.setAttribute('stroke-dasharray', dash);
    svg.append(l);
    return el('li', {}, [svg, ` ${label}`]);
  };
  const colours = byCorridor
    ? [...corridors.map((c, i) => line(CORRIDOR_COLOURS[i % CORRIDOR_COLOURS.length], '', c.name)), line(OTHER_CORRIDOR, '', 'on no corridor (a link on several takes its first)')]
    : [
        line(GAUGE_COLOURS[1520], '', 'rail 1520 mm'),
        line(GAUGE_COLOURS[1435], '', 'rail 1435 mm'),
        line(GAUGE_COLOURS[1676], '', 'rail 1676 mm'),
        line(MODE_COLOURS.ferry, '', 'ferry'),
        line(MODE_COLOURS.sea, '', 'sea'),
        line(MODE_COLOURS.road, '', 'road'),
      ];
  const statuses = Object.entries(STATUS_DASH).map(([s, d]) => line('#333', d, STATUS_LABELS[s]));
  const marker = (cls, label) => el('li', {}, [el('span', { className: `legend-mark ${cls}`, attrs: { 'aria-hidden': 'true' } }), ` ${label}`]);
  container.replaceChildren(
    el('div', {}, [el('h3', { text: byCorridor ? 'Colour: corridor' : 'Colour: mode and gauge' }), el('ul', {}, colours)]),
    el('div', {}, [el('h3', { text: 'Line: status' }), el('ul', {}, statuses)]),
    el('div', {}, [el('h3', { text: 'Marks' }), el('ul', {}, [
      marker('mk-crossing mk-open', 'border crossing (open)'),
      marker('mk-crossing mk-restricted', 'restricted'),
      marker('mk-crossing mk-closed', 'closed'),
      marker('mk-crossing mk-planned', 'planned'),
      marker('mk-gauge-point', 'gauge change (round a crossing: at the crossing)'),
    ])]),
  );
}
