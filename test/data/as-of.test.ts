/**
 * Planning dates on the real data set, through HTTP: Almaty → Karachi today,
 * at 2028-01 and at 2031-01, what each date opens and why, a record opening
 * in exactly its month, the compare-by-date answer, and clear 400s for bad
 * months. The dates come from the expectedOpening records of data/links and
 * data/crossings with their sources.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import type { Network } from '../../src/domain/network/schema.js';
import { openingsAt } from '../../src/domain/scenarios/network-at-date.js';
import { CompareResponseSchema } from '../../src/http/schemas/compare.js';
import { RouteResponseSchema, type RouteResponse } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from '../http/helper.js';
import { planningTestApp } from '../http/planning-helper.js';

let app: FastifyInstance;
let net: Network;
before(async () => {
  ({ app } = await planningTestApp(REAL_DATA_DIR, { ROUTE_CACHE_ENTRIES: '0' }));
  net = await loadNetwork(REAL_DATA_DIR);
});
after(async () => {
  await app.close();
});

async function route(query: string): Promise<RouteResponse> {
  const res = await app.inject({ method: 'GET', url: `/v1/routes?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return RouteResponseSchema.parse(res.json());
}

const summary = (r: RouteResponse) => {
  const best = r.routes[0]!;
  return { km: best.distanceKm, days: best.transitDays, countries: best.countries };
};
const expectedRefs = (r: RouteResponse) => r.routes[0]!.warnings.filter((w) => w.code === 'EXPECTED_OPENING').map((w) => w.refs[0]);

describe('Almaty → Karachi at planning dates (real data)', () => {
  it('now: today\'s network, through Turkmenistan and Iran (Sarakhs, Zahedan – Taftan), no dated record', async () => {
    const r = await route('from=Almaty&to=Karachi&asOf=now');
    assert.deepEqual(summary(r), { km: 5541.6, days: { low: 7.6, typical: 11.3, high: 25.1 }, countries: ['KZ', 'UZ', 'TM', 'IR', 'PK'] });
    assert.equal(r.asOf, null);
    assert.deepEqual(expectedRefs(r), []);
    assert.deepEqual(summary(await route('from=Almaty&to=Karachi')), summary(r));
  });

  it('2028-01: the same route; Torghundi – Herat (2027) opens but reaches no line south, and the Trans-Afghan estimate is 2030-07', async () => {
    const r = await route('from=Almaty&to=Karachi&asOf=2028-01');
    assert.deepEqual(summary(r), { km: 5541.6, days: { low: 7.6, typical: 11.3, high: 25.1 }, countries: ['KZ', 'UZ', 'TM', 'IR', 'PK'] });
    assert.deepEqual(expectedRefs(r), []);
    const opened = r.asOf!.opened.map((o) => o.id);
    for (const id of ['torghundi--sanobar', 'sanobar--herat', 'robat-paryan--herat', 'khash--chabahar', 'bakhty--ayagoz', 'kharlachi--kohat']) assert.ok(opened.includes(id), id);
    // The KZ–TM–AF–PK line south of Herat has no published date, so it never opens by date.
    for (const id of ['herat--kandahar', 'kandahar--spin-boldak', 'spin-boldak--chaman', 'naibabad--maidan-shahr']) assert.ok(!opened.includes(id), id);
  });

  it('2031-01: the Trans-Afghan line (Naibabad – Logar – Kharlachi, estimated 2030-07) and Kohat – Kharlachi (2027-12) carry it', async () => {
    const r = await route('from=Almaty&to=Karachi&asOf=2031-01');
    assert.deepEqual(summary(r), { km: 4373.3, days: { low: 6.3, typical: 9, high: 15.7 }, countries: ['KZ', 'UZ', 'AF', 'PK'] });
    assert.deepEqual(expectedRefs(r), ['naibabad--maidan-shahr', 'maidan-shahr--logar', 'logar--kharlachi', 'logar--kharlachi', 'kharlachi--kohat']);
    const w = r.routes[0]!.warnings.find((x) => x.code === 'EXPECTED_OPENING')!;
    assert.match(w.message, /expected 2030-07 \(speculative, estimate date; sources: afghanistanpeacecampaign-2025-07-30-trans-afghan, daryo-uz-2024-05-11-trans-afghan-2027\)/);
    assert.ok(!r.routes[0]!.warnings.some((x) => x.code === 'NON_OPERATIONAL_LINK'));
    assert.equal(r.query.asOf, '2031-01');
    assert.equal(r.asOf?.dataDate, net.parameters.dataDate);
  });

  it('POST takes asOf in the body with the same answer', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'Almaty', to: 'Karachi', asOf: '2031-01' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(summary(RouteResponseSchema.parse(res.json())), summary(await route('from=Almaty&to=Karachi&asOf=2031-01')));
  });
});

describe('a record opens in exactly its month (real data)', () => {
  const opens = (asOf: string, id: string) => openingsAt(net, asOf).some((o) => o.id === id);

  it('the Trans-Afghan line is closed at 2030-06 and open at 2030-07', async () => {
    assert.equal(opens('2030-06', 'naibabad--maidan-shahr'), false);
    assert.equal(opens('2030-07', 'naibabad--maidan-shahr'), true);
    assert.deepEqual((await route('from=Termez&to=Karachi&asOf=2030-06')).routes[0]!.countries, ['UZ', 'TM', 'IR', 'PK']);
    assert.deepEqual((await route('from=Termez&to=Karachi&asOf=2030-07')).routes[0]!.countries, ['UZ', 'AF', 'PK']);
  });

  it('Bakhty – Ayagoz ("by the end of 2027") opens at 2027-12, not 2027-11; Darbaza – Maktaaral ("2026") at 2026-12', () => {
    assert.deepEqual([opens('2027-11', 'bakhty--ayagoz'), opens('2027-12', 'bakhty--ayagoz')], [false, true]);
    assert.deepEqual([opens('2026-11', 'darbaza--maktaaral'), opens('2026-12', 'darbaza--maktaaral')], [false, true]);
  });

  it('Herat: no rail route from Almaty at 2027-08; through Iran once Khaf – Herat phase 2 opens (2027-09); over Torghundi – Herat from 2027-12', async () => {
    const before = await app.inject({ method: 'GET', url: '/v1/routes?from=Almaty&to=Herat&asOf=2027-08' });
    assert.equal(before.statusCode, 422, before.body);
    const viaIran = await route('from=Almaty&to=Herat&asOf=2027-09');
    assert.deepEqual(viaIran.routes[0]!.countries, ['KZ', 'UZ', 'TM', 'IR', 'AF']);
    assert.deepEqual(expectedRefs(viaIran), ['rozanak--robat-paryan', 'robat-paryan--herat']);
    const r = await route('from=Almaty&to=Herat&asOf=2027-12');
    assert.deepEqual(r.routes[0]!.countries, ['KZ', 'UZ', 'TM', 'AF']);
    assert.deepEqual(expectedRefs(r), ['torghundi--sanobar', 'sanobar--herat']);
  });
});

describe('the data behind the dates', () => {
  it('every cross-border link with an opening date opens no earlier than a crossing it needs', () => {
    const problems: string[] = [];
    for (const l of net.links) {
      if (!l.expectedOpening) continue;
      const c = net.crossings.find((x) => x.modes.includes(l.mode) && x.places.includes(l.from) && x.places.includes(l.to));
      if (!c || c.status === 'open') continue;
      const linkDate = l.expectedOpening.date;
      const crossingDate = c.expectedOpening?.date;
      if (crossingDate === undefined || crossingDate > linkDate) problems.push(`${l.id} opens ${linkDate}, its crossing ${c.id} ${crossingDate ?? 'never'}`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('GET /v1/compare by date (real data)', () => {
  it('shows the lane at each month in order, with differences to today and the dated records on each route', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/compare?from=Almaty&to=Karachi&asOf=now,2028-01,2031-01' });
    assert.equal(res.statusCode, 200, res.body);
    const body = CompareResponseSchema.parse(res.json());
    assert.deepEqual(body.query.asOf, ['now', '2028-01', '2031-01']);
    assert.deepEqual(body.scenarios, []);
    assert.deepEqual(
      body.dates.map((d) => [d.asOf, d.route?.distanceKm, d.differences?.distanceKm, d.differences?.typicalDays, d.openedOnRoute.length]),
      [
        ['now', 5541.6, 0, 0, 0],
        ['2028-01', 5541.6, 0, 0, 0],
        ['2031-01', 4373.3, -1168.3, -2.3, 5],
      ],
    );
    assert.deepEqual(body.dates[2]!.openedOnRoute.find((o) => o.id === 'kharlachi--kohat'), {
      kind: 'link',
      id: 'kharlachi--kohat',
      recordedStatus: 'planned',
      expected: '2027-12',
      confidence: 'officially-targeted',
      basis: 'derived',
      overdue: false,
      sources: ['app-pk-1134316'],
    });
  });

  it('still compares the scenarios named alongside the dates', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/compare?from=Almaty&to=Karachi&asOf=2031-01&scenarios=kz-tm-af-pk-built' });
    assert.equal(res.statusCode, 200, res.body);
    const body = CompareResponseSchema.parse(res.json());
    assert.deepEqual([body.scenarios.map((s) => s.scenario.id), body.dates.map((d) => d.asOf)], [['kz-tm-af-pk-built'], ['2031-01']]);
  });
});

describe('bad planning months are a 400 naming asOf', () => {
  const cases: [method: 'GET' | 'POST', url: string, body: Record<string, unknown> | undefined, message: RegExp][] = [
    ['GET', '/v1/routes?from=Almaty&to=Karachi&asOf=2028-13', undefined, /expected a month YYYY-MM \(01–12\) or "now", got "2028-13"/],
    ['GET', '/v1/routes?from=Almaty&to=Karachi&asOf=2028', undefined, /got "2028"/],
    ['GET', '/v1/routes?from=Almaty&to=Karachi&asOf=next%20year', undefined, /got "next year"/],
    ['POST', '/v1/routes', { from: 'Almaty', to: 'Karachi', asOf: '2028-1' }, /got "2028-1"/],
    ['POST', '/v1/matrix', { sources: ['Almaty'], targets: ['Karachi'], asOf: '31-01-2028' }, /got "31-01-2028"/],
    ['GET', '/v1/reachability?from=Almaty&maxHours=72&asOf=2028-00', undefined, /got "2028-00"/],
    ['GET', '/v1/compare?from=Almaty&to=Karachi&asOf=now,2028-13', undefined, /"2028-13": expected a month YYYY-MM/],
    ['GET', '/v1/compare?from=Almaty&to=Karachi&asOf=now,2027-01,2028-01,2029-01,2030-01,2031-01,2032-01', undefined, /at most 6 items, got 7/],
  ];
  for (const [method, url, body, message] of cases) {
    it(`${method} ${url}${body ? ` ${JSON.stringify(body)}` : ''}`, async () => {
      const res = await app.inject({ method, url, ...(body ? { payload: body } : {}) });
      assert.equal(res.statusCode, 400, res.body);
      const problem = res.json() as { code: string; errors: { parameter: string; message: string }[] };
      assert.equal(problem.code, 'VALIDATION_ERROR');
      assert.equal(problem.errors[0]?.parameter, 'asOf');
      assert.match(problem.errors[0]!.message, message);
    });
  }
});

describe('matrix and reachability at a date (real data)', () => {
  it('POST /v1/matrix plans the cells on the network at the month', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/matrix', payload: { sources: ['Almaty', 'Termez'], targets: ['Karachi'], asOf: '2031-01' } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { cells: ({ distanceKm: number } | null)[][]; asOf: { month: string } };
    assert.equal(body.asOf.month, '2031-01');
    assert.deepEqual(body.cells.map((row) => row[0]?.distanceKm), [4373.3, 2547.3]);
  });

  it('GET /v1/reachability reaches Herat from Serhetabat only once Torghundi – Herat opens', async () => {
    const reach = async (asOf: string) => {
      const res = await app.inject({ method: 'GET', url: `/v1/reachability?from=Serhetabat&maxHours=48&asOf=${asOf}` });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { places: { place: { id: string } }[] }).places.some((p) => p.place.id === 'herat');
    };
    assert.deepEqual([await reach('now'), await reach('2028-01')], [false, true]);
  });
});

describe('the answer cache keys on the planning month', () => {
  it('answers the same lane differently at two months with the cache on, and the same on a repeat', async () => {
    const { app: cached } = await planningTestApp(REAL_DATA_DIR);
    try {
      const km = async (asOf: string) => {
        const res = await cached.inject({ method: 'GET', url: `/v1/routes?from=Almaty&to=Karachi&asOf=${asOf}` });
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as RouteResponse).routes[0]!.distanceKm;
      };
      assert.deepEqual([await km('now'), await km('2031-01'), await km('now'), await km('2031-01')], [5541.6, 4373.3, 5541.6, 4373.3]);
    } finally {
      await cached.close();
    }
  });
});
