/**
 * Known answers for the corrected southern and western network (IR, AF, PK,
 * AZ, GE, TR, IN by sea) on the real data set: each fix of the data has a
 * check here that fails if the fix is undone.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { PlaceIndex } from '../../src/domain/network/place-index.js';
import type { Network } from '../../src/domain/network/schema.js';
import { DEFAULT_QUERY } from '../../src/domain/routing/defaults.js';
import { planRoutes } from '../../src/domain/routing/plan-routes.js';
import { prepareNetwork, type PreparedNetwork } from '../../src/domain/routing/prepare.js';
import type { RouteQuery } from '../../src/domain/routing/route-types.js';

let net: Network;
let prepared: PreparedNetwork;
before(async () => {
  net = await loadNetwork('data');
  prepared = prepareNetwork(net);
});

const best = (from: string, to: string, extra: Partial<RouteQuery> = {}) => {
  const [r] = planRoutes(prepared, { ...DEFAULT_QUERY, from, to, ...extra });
  assert.ok(r, `expected a route ${from} → ${to}`);
  return r;
};
const noRoute = (from: string, to: string, extra: Partial<RouteQuery> = {}) =>
  assert.throws(() => planRoutes(prepared, { ...DEFAULT_QUERY, from, to, ...extra }), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
const link = (id: string) => {
  const l = net.links.find((x) => x.id === id);
  assert.ok(l, `link ${id}`);
  return l;
};
const crossing = (id: string) => {
  const c = net.crossings.find((x) => x.id === id);
  assert.ok(c, `crossing ${id}`);
  return c;
};
const near = (a: number, b: number, tol = 0.05) => assert.ok(Math.abs(a - b) <= tol, `${a} km, expected ${b} km`);

describe('India – Pakistan sailings', () => {
  it('the three India–Pakistan sea links are suspended as of 3 May 2025 and have no service', () => {
    for (const id of ['kiamari--nhava-sheva', 'port-qasim--nhava-sheva', 'gwadar--nhava-sheva']) {
      const l = link(id);
      assert.equal(l.status, 'suspended', id);
      assert.equal(l.statusAsOf, '2025-05-03', id);
      assert.equal(l.service?.kind, 'none', id);
      assert.ok(l.sources.some((s) => /Directorate General of Shipping/.test(s.statement)), id);
    }
  });

  it('Nhava Sheva → Tashkent no longer runs through Port Qasim or Zahedan: it lands at Bandar Abbas', () => {
    const r = best('nhava-sheva', 'tashkent');
    for (const p of ['port-qasim', 'kiamari', 'zahedan']) assert.ok(!r.places.includes(p), `${p}: ${r.places.join(' → ')}`);
    assert.deepEqual(r.places.slice(0, 3), ['nhava-sheva', 'bandar-abbas', 'bafq']);
    assert.ok(!r.countries.includes('PK'));
  });
});

describe('unscheduled sea hops', () => {
  it('every sea link records its service with sources', () => {
    for (const l of net.links.filter((x) => x.mode === 'sea')) assert.ok(l.service && l.service.sources.length > 0, l.id);
    assert.equal(link('gwadar--chabahar').service?.kind, 'none');
    assert.equal(link('gwadar--kiamari--sea').service?.kind, 'on-demand');
    assert.equal(link('chabahar--nhava-sheva').service?.kind, 'scheduled');
  });

  it('gwadar--chabahar is not used by default, and used with an UNSCHEDULED_LEG warning when allowed', () => {
    noRoute('gwadar', 'chabahar');
    const r = best('gwadar', 'chabahar', { allowUnscheduled: true });
    assert.deepEqual(r.legs.map((l) => l.linkId), ['gwadar--chabahar']);
    assert.deepEqual(r.warnings.filter((w) => w.code === 'UNSCHEDULED_LEG').map((w) => w.refs[0]), ['gwadar--chabahar']);
    const k = best('kiamari', 'chabahar', { modes: ['rail', 'ferry', 'sea', 'road'] });
    assert.ok(!k.legs.some((l) => l.linkId.startsWith('gwadar')), k.places.join(' → '));
  });
});

describe('Garmsar – Fariman – Mashhad – Torbat-e Heydarieh', () => {
  it('Garmsar → Torbat-e Heydarieh passes Mashhad: 812 + 80 + 98 = 990 km', () => {
    const r = best('garmsar', 'torbat-e-heydarieh', { objective: 'shortest', modes: ['rail'] });
    assert.deepEqual(r.places, ['garmsar', 'mashhad', 'fariman', 'torbat-e-heydarieh']);
    near(r.distanceKm, 990);
  });

  it('no link reaches Fariman from Garmsar, and Fariman sits at the town, south-east of Mashhad', () => {
    assert.ok(!net.links.some((l) => [l.from, l.to].includes('garmsar') && [l.from, l.to].includes('fariman')));
    const f = net.places.find((p) => p.id === 'fariman')!;
    const m = net.places.find((p) => p.id === 'mashhad')!;
    assert.ok(f.lat < m.lat && f.lon > m.lon, 'south-east of Mashhad');
    assert.ok(link('fariman--mashhad').length.conflict, 'the rejected 38 km km-post difference is recorded');
  });
});

describe('border stubs inside published section lengths', () => {
  it('Khaf → Rozanak is 140 km (78 to the border + 62 beyond)', () => {
    const r = best('khaf', 'rozanak', { objective: 'shortest', modes: ['rail'] });
    assert.deepEqual(r.places, ['khaf', 'shamtigh', 'islam-qala', 'rozanak']);
    near(r.distanceKm, 140);
  });

  it('Sarakhs – Mashhad is the Iranian share of the 280 km Tejen – Mashhad: 148 km', () => {
    near(link('sarakhs--mashhad').lengthKm, 280 - 132);
  });

  it('Sarakhs → Bandar Abbas is 1,628 km, within 4 % of the published 1,568 km, the gap recorded as a conflict', () => {
    const r = best('sarakhs', 'bandar-abbas', { objective: 'shortest', modes: ['rail'] });
    assert.deepEqual(r.places, ['sarakhs', 'mashhad', 'fariman', 'torbat-e-heydarieh', 'bafq', 'bandar-abbas']);
    near(r.distanceKm, 148 + 80 + 98 + 676 + 626);
    assert.ok(Math.abs(r.distanceKm - 1568) / 1568 < 0.04);
    assert.ok(link('fariman--mashhad').length.conflict!.resolution.length > 10);
  });
});

describe('AF – PK crossings', () => {
  it('Torkham is closed to trade since the October 2025 clashes, with sources of October and November 2025', () => {
    const t = crossing('torkham--torkham-pk');
    assert.equal(t.status, 'closed');
    assert.equal(t.statusAsOf, '2025-11-01');
    assert.ok(t.statusSources.length >= 2);
    assert.equal(crossing('spin-boldak--chaman--road').status, 'closed');
  });

  it('Torkham is not used even with road allowed: Kabul → Peshawar takes no AF–PK crossing', () => {
    const r = best('kabul', 'peshawar', { modes: ['rail', 'road'] });
    assert.ok(!r.places.includes('torkham') && !r.places.includes('chaman'), r.places.join(' → '));
    assert.ok(!r.crossings.some((c) => c.countries.includes('AF') && c.countries.includes('PK')));
  });

  it('Aqina – Andkhoy is not operational (800 m of track missing in the last report, June 2022)', () => {
    const l = link('aqina--andkhoy');
    assert.equal(l.status, 'under-construction');
    assert.equal(l.statusAsOf, '2022-06-07');
  });

  it('the Pakistani side of Kharlachi is the planned 192 km line to Kohat, which is linked to Rawalpindi', () => {
    assert.ok(!net.links.some((l) => l.id === 'kharlachi--peshawar'));
    const k = link('kharlachi--kohat');
    assert.equal(k.lengthKm, 192);
    assert.equal(k.status, 'planned');
    assert.equal(link('kohat--rawalpindi').status, 'operational');
    const r = best('kharlachi', 'rawalpindi', { include: ['planned'], objective: 'shortest' });
    assert.deepEqual(r.places, ['kharlachi', 'kohat', 'rawalpindi']);
  });
});

describe('new gateways are routable', () => {
  const cases: [string, string, Partial<RouteQuery>, readonly string[]][] = [
    ['anzali', 'bandar-abbas', {}, ['rasht', 'qazvin', 'tehran']],
    ['amirabad', 'tehran', {}, ['behshahr', 'garmsar']],
    ['tabriz', 'ankara', {}, ['razi', 'kapikoy', 'van', 'van-iskele', 'tatvan']],
    ['kars', 'istanbul', {}, ['erzurum', 'sivas', 'ankara']],
    ['mersin', 'tehran', {}, ['kayseri', 'tatvan', 'tabriz']],
    ['batumi', 'baku', {}, ['samtredia', 'tbilisi']],
    ['kiamari', 'peshawar', { objective: 'shortest' }, ['rohri', 'multan', 'khanewal', 'lahore', 'rawalpindi', 'attock']],
  ];
  for (const [from, to, extra, through] of cases) {
    it(`${from} → ${to} passes ${through.join(', ')}`, () => {
      const r = best(from, to, extra);
      for (const p of through) assert.ok(r.places.includes(p), `${p}: ${r.places.join(' → ')}`);
    });
  }

  it('the Lake Van train ferry is a scheduled ferry and the Kapıköy – Razi crossing is open', () => {
    assert.equal(link('tatvan--van-iskele').mode, 'ferry');
    assert.equal(link('tatvan--van-iskele').service?.kind, 'scheduled');
    assert.equal(crossing('kapikoy--razi').status, 'open');
  });

  it('Bostan – Zhob is not usable: the narrow-gauge line is dismantled, only a rebuild is proposed', () => {
    assert.equal(link('bostan--zhob').status, 'proposed');
    noRoute('quetta', 'zhob');
  });

  it('ML-2 between Kot Adu and Habib Kot carries no trains: Kotri → Attock today goes by ML-1', () => {
    for (const id of ['jacobabad--kashmor', 'kashmor--dera-ghazi-khan', 'dera-ghazi-khan--kot-adu']) assert.equal(link(id).status, 'suspended', id);
    const r = best('kotri', 'attock', { objective: 'shortest' });
    assert.ok(r.places.includes('lahore') && !r.places.includes('kundian'), r.places.join(' → '));
    const ml2 = best('kotri', 'attock', { objective: 'shortest', include: ['suspended'], avoidPlaces: ['lahore', 'nawabshah'] });
    assert.ok(ml2.places.includes('dadu') && ml2.places.includes('kundian'), ml2.places.join(' → '));
    near(ml2.distanceKm, 1427, 0.2);
  });
});

describe('place lookup', () => {
  it('Karachi answers as the city: its main freight place, Kiamari; a search lists its other places', () => {
    const index = new PlaceIndex(net.places);
    assert.equal(index.resolve('Karachi')?.id, 'kiamari');
    assert.equal(index.resolve('کراچی')?.id, 'kiamari');
    const found = index.search('Karachi').map((p) => p.id);
    for (const id of ['kiamari', 'karachi-city', 'karachi-cantt', 'port-qasim']) assert.ok(found.includes(id), id);
  });

  it('UN/LOCODEs and local-script or former names resolve', () => {
    const index = new PlaceIndex(net.places);
    assert.equal(index.resolve('GEPTI')?.id, 'poti');
    assert.equal(index.resolve('TR MER')?.id, 'mersin');
    assert.equal(index.resolve('AZBAK')?.id, 'alat-port');
    assert.equal(index.resolve('تبریز')?.id, 'tabriz');
    assert.equal(index.resolve('Fort Sandeman')?.id, 'zhob');
    assert.equal(index.resolve('Campbellpur')?.id, 'attock');
  });
});
