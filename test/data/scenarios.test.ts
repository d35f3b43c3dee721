/**
 * Known answers for the named scenarios on the real data set. Expected km are
 * sums of the link lengths in data/links along the path worked out by hand
 * (see the comments); the router must find that path.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { DEFAULT_QUERY } from '../../src/domain/routing/defaults.js';
import { planRoutes } from '../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../src/domain/routing/prepare.js';
import type { Route, RouteQuery } from '../../src/domain/routing/route-types.js';
import { loadScenarios } from '../../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../../src/domain/scenarios/scenario-registry.js';

let reg: ScenarioRegistry;

before(async () => {
  const net = await loadNetwork('data');
  reg = new ScenarioRegistry(prepareNetwork(net), await loadScenarios('data', net));
});

function best(scenario: string | undefined, from: string, to: string, extra: Partial<RouteQuery> = {}): Route {
  const r = reg.networkFor(scenario);
  const routes = planRoutes(r.prepared, { ...DEFAULT_QUERY, include: r.include, from, to, ...extra });
  assert.ok(routes[0], 'expected a route');
  return routes[0];
}

function noRoute(scenario: string | undefined, from: string, to: string, extra: Partial<RouteQuery> = {}): void {
  const r = reg.networkFor(scenario);
  assert.throws(
    () => planRoutes(r.prepared, { ...DEFAULT_QUERY, include: r.include, from, to, ...extra }),
    (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE',
  );
}

const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.01, `${actual} km, expected ${expected} km`);

// Almaty → Mary, shared by both Almaty → Karachi answers: Almaty – bypass junction 34 – Shu 279 – Taraz 250 –
// Shymkent 190 – Arys 80 – Darbaza 73 – Saryagash 62 – Keles 7 – Tashkent 14 – Samarkand 344 – Navoi 159 –
// Bukhara 97 – Khodzhadavlet 94 – Farap 22 – Turkmenabat 10 – Mary 243 = 1,958 km.
// Spezand → Kiamari (ML-3 then ML-1): Sibi 117 – Jacobabad 156 – Habib Kot 51 – Sukkur 28 – Rohri 5 – Nawabshah 183 –
// Hyderabad 115 – Kotri 9 – Pipri 126 – Bin Qasim 5 – Landhi 14 – Karachi Cantt 20 – Karachi City 4 – Kiamari 5 = 838 km.
// Today, Mary → Spezand through Iran: Tejen 128 – Saraghs 126 – Sarakhs 6 – Mashhad 148 – Fariman 80 –
// Torbat-e Heydarieh 98 – Bafq 676 – Kerman 261 – Bam 225 – Zahedan 300 – Mirjaveh 93.8 – Koh-i-Taftan 12.7 –
// Nok Kundi 104.1 – Dalbandin 168 – Nushki 185 – Spezand 134 = 2,745.6 km (Tejen – Saraghs – Sarakhs is the
// published 132 km Turkmen share of Tejen – Mashhad, border link included; Sarakhs – Mashhad the 148 km rest of 280).
const TODAY_ALMATY_KIAMARI_KM = 1958 + 2745.6 + 838; // 5,541.6
// Built, Mary → Spezand through Afghanistan: Serhetabat 315 – Torghundi 9 – Sanobar 22 – Herat 93 – Kandahar 737.5 –
// Spin Boldak 96 – Chaman 13 – Shela Bagh 30 – Qilla Abdullah 16 – Bostan 63 – Quetta 33 – Spezand 24 = 1,451.5 km.
const BUILT_ALMATY_KIAMARI_KM = 1958 + 1451.5 + 838; // 4,247.5

describe('named scenarios on the real network', () => {
  it('today: Almaty → Karachi (Kiamari), shortest, runs through Iran (Sarakhs, Mashhad, Zahedan), 5,541.6 km', () => {
    const r = best(undefined, 'almaty', 'kiamari', { objective: 'shortest' });
    near(r.distanceKm, TODAY_ALMATY_KIAMARI_KM);
    assert.ok(r.places.includes('sarakhs') && r.places.includes('mashhad') && r.places.includes('zahedan'));
    assert.ok(!r.places.includes('herat'));
  });

  it('kz-tm-af-pk-built: Almaty → Karachi, shortest, goes Herat – Kandahar – Chaman, 4,247.5 km (1,294.1 km shorter)', () => {
    const r = best('kz-tm-af-pk-built', 'almaty', 'kiamari', { objective: 'shortest' });
    near(r.distanceKm, BUILT_ALMATY_KIAMARI_KM);
    for (const p of ['serhetabat', 'torghundi', 'herat', 'kandahar', 'spin-boldak', 'chaman']) assert.ok(r.places.includes(p), p);
    assert.ok(r.distanceKm < TODAY_ALMATY_KIAMARI_KM);
    // The one R/B break of gauge is at the Spin Boldak – Chaman crossing.
    assert.deepEqual(
      r.gaugeBreaks.map((g) => [g.fromGaugeMm, g.toGaugeMm]),
      [[1520, 1676]],
    );
  });

  it('kz-tm-af-pk-built: the fastest Almaty → Karachi route also takes the new line and beats today’s fastest', () => {
    // ~1,300 km less, of which ~2,100 km of Iranian rail and two gauge changes (Sarakhs, Zahedan) are replaced by
    // ~950 km of Afghan rail and one change at Chaman.
    const built = best('kz-tm-af-pk-built', 'almaty', 'kiamari');
    const today = best(undefined, 'almaty', 'kiamari');
    assert.ok(built.places.includes('herat') && built.places.includes('kandahar'));
    assert.ok(built.hours.total.typical < today.hours.total.typical, `${built.hours.total.typical} h vs ${today.hours.total.typical} h`);
  });

  it('chaman-closed: with the line built but Chaman shut, Almaty → Karachi never passes Chaman and falls back to the Iranian route', () => {
    const r = best('chaman-closed', 'almaty', 'kiamari', { objective: 'shortest' });
    assert.ok(!r.places.includes('chaman'));
    assert.ok(!r.crossings.some((c) => c.crossingId.startsWith('spin-boldak--chaman')));
    near(r.distanceKm, TODAY_ALMATY_KIAMARI_KM);
    // Kandahar is reachable, but only as a dead end.
    const k = best('chaman-closed', 'almaty', 'kandahar', { objective: 'shortest' });
    assert.ok(k.places.includes('herat'));
  });

  it('chabahar-zahedan-open: Zahedan → Chabahar by rail alone, 155 + 473 = 628 km; impossible by rail today', () => {
    noRoute(undefined, 'zahedan', 'chabahar', { modes: ['rail'] });
    const r = best('chabahar-zahedan-open', 'zahedan', 'chabahar', { modes: ['rail'], objective: 'shortest' });
    near(r.distanceKm, 628);
    assert.deepEqual(r.places, ['zahedan', 'khash', 'chabahar']);
  });

  it('rasht-astara-built: Baku → Tehran by rail through Astara and Rasht, 70 + 243 + 10 + 162 + 164 + 169 = 818 km', () => {
    // Today the shortest rail/ferry way crosses the Caspian: Alat 70 – ferry to Turkmenbashi 306 – Bereket 253 – Etrek 239 –
    // Incheh Borun 20 – Gorgan 88 – Behshahr – Garmsar 407 (split at Behshahr) – Tehran 114.3 = 1,497.3 km.
    const today = best(undefined, 'baku', 'tehran', { objective: 'shortest' });
    near(today.distanceKm, 1485.3);
    const r = best('rasht-astara-built', 'baku', 'tehran', { objective: 'shortest' });
    near(r.distanceKm, 818);
    assert.deepEqual(r.places, ['baku', 'alat-port', 'astara-az', 'astara-ir', 'rasht', 'qazvin', 'tehran']);
  });

  it('trans-afghan-built: Termez → Kohat by rail, 10 + 75 + 408 + 66 + 88 + 192 = 839 km through Logar and Kharlachi', () => {
    const r = best('trans-afghan-built', 'termez', 'kohat', { objective: 'shortest' });
    near(r.distanceKm, 839);
    assert.deepEqual(r.places, ['termez', 'hairatan', 'naibabad', 'maidan-shahr', 'logar', 'kharlachi', 'kohat']);
    assert.deepEqual(r.crossings.map((c) => c.crossingId), ['termez--hairatan', 'logar--kharlachi']);
  });

  it('khaf-herat-complete: Khaf → Herat by rail, 77 + 1 + 62 + 43 + 47.3 = 230.3 km; no rail to Herat today', () => {
    noRoute(undefined, 'khaf', 'herat');
    const r = best('khaf-herat-complete', 'khaf', 'herat', { objective: 'shortest' });
    near(r.distanceKm, 230.3);
    assert.deepEqual(r.places, ['khaf', 'shamtigh', 'islam-qala', 'rozanak', 'robat-paryan', 'herat']);
  });

  it('the base network is untouched after every scenario has been prepared', () => {
    for (const s of reg.list()) reg.networkFor(s.id);
    assert.equal(reg.base.network.links.find((l) => l.id === 'spin-boldak--chaman')?.status, 'proposed');
    assert.equal(reg.base.network.crossings.find((c) => c.id === 'spin-boldak--chaman--rail')?.status, 'planned');
    assert.equal(reg.base.network.links.find((l) => l.id === 'khash--chabahar')?.status, 'under-construction');
  });
});
