/**
 * Known answers on the real data set from the facts sheet's published figures:
 * km posts of Pakistan's route diagrams and stated line lengths, summed over
 * shortest routes that can be checked by hand. A change in data/ that breaks a
 * published figure fails here.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { DEFAULT_QUERY } from '../../src/domain/routing/defaults.js';
import { planRoutes } from '../../src/domain/routing/plan-routes.js';
import { prepareNetwork, type PreparedNetwork } from '../../src/domain/routing/prepare.js';

let prepared: PreparedNetwork;

before(async () => {
  prepared = prepareNetwork(await loadNetwork('data'));
});

function shortest(from: string, to: string) {
  const [route] = planRoutes(prepared, { ...DEFAULT_QUERY, from, to, objective: 'shortest', modes: ['rail'] });
  assert.ok(route, `expected a rail route ${from} → ${to}`);
  return route;
}

/** [from, to, published km, what publishes it, places the route must pass] */
const PUBLISHED: ReadonlyArray<readonly [string, string, number, string, readonly string[]]> = [
  ['kiamari', 'rohri', 481, 'ML-1 km posts: Kiamari 0, Rohri Jn 481', ['kotri', 'nawabshah']],
  ['kiamari', 'kotri', 174, 'ML-1 km posts: Kotri Jn 174', ['pipri']],
  ['rohri', 'quetta', 381, 'ML-3 km posts: Rohri 0, Quetta 381', ['jacobabad', 'sibi', 'spezand']],
  ['quetta', 'chaman', 142, 'ML-3 km posts: Quetta 381, Chaman 523', ['bostan', 'shela-bagh']],
  ['rohri', 'chaman', 523, 'ML-3 length 523 km (km posts)', ['sibi', 'quetta']],
  ['quetta', 'koh-i-taftan', 615.1, 'ML-4 km posts: Koh-e-Taftan 615.1', ['nushki', 'dalbandin', 'nok-kundi']],
  ['quetta', 'zahedan', 721.6, 'ML-4 whole line to Zahedan 721.6 km', ['mirjaveh']],
  ['kiamari', 'chaman', 1004, 'ML-1 481 + ML-3 523 km posts', ['rohri', 'quetta']],
  ['bafq', 'bandar-abbas', 626, 'Bafq – Bandar Abbas 626 km', []],
  ['sarakhs', 'mashhad', 148, 'Tejen – Sarakhs – Mashhad 280 km less the 132 km in Turkmenistan', []],
  ['khaf', 'rozanak', 140, 'Khaf – border 78 km + border – Rozanak 62 km', ['shamtigh', 'islam-qala']],
  ['torbat-e-heydarieh', 'bafq', 676, 'North–South Railway km post of Torbat-e Heydarieh (676 from Bafq)', []],
  ['garmsar', 'mashhad', 812, 'Garmsar – Mashhad 812 km', []],
  ['van', 'tabriz', 330.9, 'Van – Tabriz km posts: Van 6.8, Razi 120.0, Sufijan 307.0 = 766.6, Tabriz 735.9', ['kapikoy', 'razi']],
  ['rasht', 'anzali', 37, 'Rasht – Bandar-e Anzali 37 km', []],
  ['samtredia', 'batumi', 104.1, 'Samtredia – Batumi km post 104.1', []],
  ['kars', 'ankara', 1310, 'Ankara – Kars 1,310 km (Eastern Express)', ['erzurum', 'sivas']],
  ['kiamari', 'peshawar', 1687, 'ML-1 Kiamari – Peshawar Cantt 1,687 km', ['rohri', 'multan', 'khanewal', 'lahore', 'rawalpindi', 'attock']],
  ['tashkent', 'samarkand', 344, 'Tashkent – Samarkand 344 km', []],
  ['tashkent', 'karshi', 512, 'Tashkent – Karshi 512 km', ['samarkand', 'marokand']],
  ['uzen', 'bolashak', 146, 'Uzen – Bolashak 146 km', []],
  ['dostyk', 'moyinty', 836, 'Dostyk – Moyinty 836 km', []],
  ['beyneu', 'mangistau', 404, 'Beyneu – Mangistau 404 km', []],
  ['turkmenabat', 'mary', 243, 'Turkmenabat – Mary 243 km (ADB)', []],
  ['hairatan', 'naibabad', 75, 'Hairatan – Naibabad 75 km', []],
];

describe('published segment lengths on the real network', () => {
  for (const [from, to, km, what, through] of PUBLISHED) {
    it(`${from} → ${to}: ${km} km (${what})`, () => {
      const r = shortest(from, to);
      assert.ok(Math.abs(r.distanceKm - km) < 0.05, `got ${r.distanceKm} km, published ${km} km`);
      for (const p of through) assert.ok(r.places.includes(p), `the route should pass ${p}: ${r.places.join(' → ')}`);
    });
  }

  it('today Almaty → Karachi is all rail through Iran with two gauge changes (Turkmen Saraghs 1520→1435, Zahedan 1435→1676)', () => {
    const [r] = planRoutes(prepared, { ...DEFAULT_QUERY, from: 'almaty', to: 'kiamari' });
    assert.ok(r);
    assert.deepEqual(Object.keys(r.distanceKmByMode), ['rail']);
    assert.deepEqual(
      r.gaugeBreaks.map((g) => [g.placeId, g.fromGaugeMm, g.toGaugeMm]),
      [
        ['saraghs', 1520, 1435],
        ['zahedan', 1435, 1676],
      ],
    );
    assert.deepEqual(r.countries, ['KZ', 'UZ', 'TM', 'IR', 'PK']);
  });
});
