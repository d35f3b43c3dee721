/**
 * The CSV and GeoJSON exports of a route add up to the answer, on the real
 * data: for every lane between 12 places (11 cities and ports and the Chinese border station Alashankou, whose crossing's dwell includes its gauge change; 132 ordered pairs, up to
 * 2 routes each), on today's network and with every line status and road
 * allowed, and for every time component of the domain's hours breakdown and
 * every band (low, typical, high), the item rows (legs, border dwells, gauge
 * changes, changes of mode) sum to the component's figure, the components to
 * transitHours, and the totals row / route feature equal the JSON answer.
 * Each figure is rounded to 0.1 h, so a sum of n figures may differ from the
 * rounded total by at most 0.05 h per figure; the check allows exactly that.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../src/domain/errors.js';
import { DEFAULT_QUERY } from '../../src/domain/routing/defaults.js';
import { planRoutes } from '../../src/domain/routing/plan-routes.js';
import type { Route, RouteQuery } from '../../src/domain/routing/route-types.js';
import { cargoOf, routeAnswerOf } from '../../src/domain/planning/answer.js';
import { planningNetwork } from '../../src/domain/planning/planning-network.js';
import type { RouteDeps } from '../../src/http/deps.js';
import { CSV_COLUMNS, routesToCsv } from '../../src/http/mappers/route-csv.js';
import { routeAnswerToWire } from '../../src/http/mappers/route-answer.js';
import { routesToGeoJson } from '../../src/http/mappers/route-geojson.js';
import { RouteFeatureCollectionSchema } from '../../src/http/schemas/route-geojson.js';
import type { RouteResponse } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
let deps: RouteDeps;
before(async (t) => {
  ({ app, deps } = await withPlanningApp(t, REAL_DATA_DIR));
});

const PLACES = ['alashankou', 'almaty', 'tashkent', 'aktau', 'baku', 'poti', 'bandar-abbas', 'kiamari', 'gwadar', 'herat', 'nhava-sheva', 'turkmenbashi'];
const BANDS = ['low', 'typical', 'high'] as const;
const BAND_COLUMN = { low: 'hoursLow', typical: 'hoursTypical', high: 'hoursHigh' } as const;
const WIDE: Partial<RouteQuery> = { include: ['under-construction', 'planned', 'proposed'], modes: ['rail', 'ferry', 'sea', 'road'] };

/** RFC 4180 records → objects keyed by the header row. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field + record.join(''), '', 'the CSV ends with a line break');
  const [header, ...rows] = records;
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return rows.map((r) => {
    assert.equal(r.length, CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!]));
  });
}

/** The time components of a domain route, read from the object itself (not a list written here). */
const domainComponents = (r: Route): string[] => Object.keys(r.hours).filter((k) => k !== 'total');

interface Lane {
  query: RouteQuery;
  domain: Route[];
  answer: RouteResponse;
}

function lanes(): Lane[] {
  const out: Lane[] = [];
  const net = planningNetwork(deps.scenarios, undefined);
  for (const wide of [false, true]) {
    for (const from of PLACES) {
      for (const to of PLACES) {
        if (from === to) continue;
        const query: RouteQuery = { ...DEFAULT_QUERY, from, to, alternatives: 2, ...(wide ? WIDE : {}) };
        let domain: Route[];
        try {
          domain = planRoutes(net.prepared, query);
        } catch (err) {
          if (err instanceof DomainError && err.code === 'NO_ROUTE') continue;
          throw err;
        }
        const question = { query, scenario: undefined, overlays: [], cargo: cargoOf(deps.planning), explain: false };
        const answer = routeAnswerToWire(routeAnswerOf(deps.planning, question, net, domain), { geometry: 'geojson', coordinateMatches: [] });
        out.push({ query, domain, answer });
      }
    }
  }
  return out;
}

/** |sum of n rounded figures − rounded total| ≤ 0.05 h per figure, plus float noise. */
function assertSumsTo(parts: readonly number[], total: number, what: string): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  const slack = 0.05 * (parts.length + 1) + 1e-9;
  assert.ok(Math.abs(sum - total) <= slack, `${what}: items add up to ${sum.toFixed(2)} h, the answer says ${total} h (allowed ±${slack.toFixed(2)})`);
}

describe('route exports add up to the answer on the real data', () => {
  let all: Lane[] = [];
  before(() => {
    all = lanes();
  });

  it('covers many lanes, and between them every component with time in it', () => {
    assert.ok(all.length >= 150, `${all.length} lanes with a route`);
    const routes = all.flatMap((l) => l.domain);
    assert.ok(routes.length >= 300, `${routes.length} routes`);
    for (const c of domainComponents(routes[0]!)) {
      assert.ok(routes.some((r) => (r.hours as unknown as Record<string, { typical: number }>)[c]!.typical > 0), `some lane spends time on ${c}`);
    }
  });

  it('CSV: per route, component and band, the item rows sum to the component row and the components to the total row, which equal the answer', () => {
    for (const { query, domain, answer } of all) {
      const rows = parseCsv(routesToCsv(answer.routes));
      answer.routes.forEach((route, i) => {
        const lane = `${query.from} → ${query.to} route ${route.rank}${query.modes.includes('road') ? ' (wide)' : ''}`;
        const mine = rows.filter((r) => r.routeIndex === String(route.rank));
        const items = mine.filter((r) => !['component', 'total'].includes(r.kind!));
        const d = domain[i]!;
        // Every item of the domain route is a row: legs, crossings, gauge breaks, changes of mode.
        const count = (k: string) => items.filter((r) => r.kind === k).length;
        assert.deepEqual(
          [count('leg'), count('border-dwell'), count('gauge-change'), count('transfer')],
          [d.legs.length, d.crossings.length, d.gaugeBreaks.length, d.transfers.length],
          `${lane}: item rows`,
        );
        const components = mine.filter((r) => r.kind === 'component').map((r) => r.component!);
        assert.deepEqual(components.sort(), domainComponents(d).sort(), `${lane}: one component row per component of the domain breakdown`);
        const total = mine.filter((r) => r.kind === 'total');
        assert.equal(total.length, 1, lane);
        for (const band of BANDS) {
          const col = BAND_COLUMN[band];
          assert.equal(Number(total[0]![col]), route.transitHours[band], `${lane}: total row ${band}`);
          for (const c of domainComponents(d)) {
            const row = mine.find((r) => r.kind === 'component' && r.component === c)!;
            const answerHours = (route.hoursByComponent as Record<string, Record<string, number>>)[c]![band]!;
            assert.equal(Number(row[col]), answerHours, `${lane}: component row ${c} ${band}`);
            assertSumsTo(items.filter((r) => r.component === c).map((r) => Number(r[col])), answerHours, `${lane}: ${c} ${band}`);
          }
          assertSumsTo(items.map((r) => Number(r[col])), route.transitHours[band], `${lane}: all items ${band}`);
        }
      });
    }
  });

  it('GeoJSON: per route, component and band, legs and stops sum to the route feature, which equals the answer', () => {
    for (const { query, domain, answer } of all) {
      const fc = RouteFeatureCollectionSchema.parse(routesToGeoJson(answer.routes));
      answer.routes.forEach((route, i) => {
        const lane = `${query.from} → ${query.to} route ${route.rank}`;
        const mine = fc.features.filter((f) => f.properties.routeIndex === route.rank);
        const total = mine.filter((f) => f.properties.kind === 'route');
        assert.equal(total.length, 1, lane);
        const t = total[0]!.properties as Extract<(typeof mine)[number]['properties'], { kind: 'route' }>;
        const items = mine.flatMap((f) => (f.properties.kind === 'route' ? [] : [f.properties]));
        const d = domain[i]!;
        const points = mine.filter((f) => f.geometry.type === 'Point').length;
        assert.equal(
          points,
          d.crossings.length + d.gaugeBreaks.length + d.transfers.length + d.terminals.length,
          `${lane}: a Point per crossing, gauge break, change of mode and terminal stop`,
        );
        assert.deepEqual(Object.keys(t.hoursByComponent).sort(), domainComponents(d).sort(), `${lane}: every component`);
        for (const band of BANDS) {
          const col = BAND_COLUMN[band];
          assert.equal(t[col], route.transitHours[band], `${lane}: route feature ${band}`);
          for (const c of domainComponents(d)) {
            const h = t.hoursByComponent[c]![band];
            assert.equal(h, (route.hoursByComponent as Record<string, Record<string, number>>)[c]![band], `${lane}: ${c} ${band}`);
            assertSumsTo(items.filter((p) => p.component === c).map((p) => p[col]), h, `${lane}: ${c} ${band}`);
          }
          assertSumsTo(items.map((p) => p[col]), route.transitHours[band], `${lane}: all items ${band}`);
        }
      });
    }
  });

  it('Almaty → Karachi: the CSV total row is transitHours (border dwell and gauge change included), not the leg hours alone', async () => {
    const json = RouteResponseOf(await app.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Karachi' }));
    const csv = await app.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Karachi&format=csv' });
    assert.equal(csv.headers['content-disposition'], 'attachment; filename="route-almaty-kiamari.csv"');
    // The HTTP answer is the mapper applied to the JSON answer.
    assert.equal(csv.body, routesToCsv(json.routes));
    const geo = await app.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Karachi&format=geojson' });
    assert.equal(geo.body, JSON.stringify(routesToGeoJson(json.routes)));
    const rows = parseCsv(csv.body);
    const r = json.routes[0]!;
    const legSum = rows.filter((x) => x.kind === 'leg').reduce((a, x) => a + Number(x.hoursTypical), 0);
    const total = rows.find((x) => x.kind === 'total')!;
    assert.equal(Number(total.hoursTypical), r.transitHours.typical);
    assert.ok(r.hoursByComponent.borderDwell.typical > 0 && r.hoursByComponent.gaugeChange.typical > 0);
    assert.ok(legSum < r.transitHours.typical - r.hoursByComponent.borderDwell.typical + 1, 'legs alone leave out the dwell');
    assertSumsTo(rows.filter((x) => !['component', 'total'].includes(x.kind!)).map((x) => Number(x.hoursTypical)), r.transitHours.typical, 'Almaty → Karachi');
  });
});

function RouteResponseOf(res: { statusCode: number; body: string; json: () => unknown }): RouteResponse {
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as RouteResponse;
}
