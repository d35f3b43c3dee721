/**
 * The hand-worked routes of test/fixtures/network-small/README.md.
 * Two rows differ from that README on purpose: the router's fewest-borders
 * objective counts a border for every leg whose ends are in different
 * countries (the Bandar Abbas – Karachi sea leg counts), so routes I and II
 * both cross 2 borders and the faster one wins; and query E's components in
 * the README add up to 127.975 h (its total says 128.975).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { prepareNetwork, type PreparedNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { travelCosts } from '../../../src/domain/routing/one-to-many.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';

const dir = fileURLToPath(new URL('../../fixtures/network-small', import.meta.url));
let prepared: PreparedNetwork | undefined;
async function p(): Promise<PreparedNetwork> {
  prepared ??= prepareNetwork(await loadNetwork(dir));
  return prepared;
}
const q = (from: string, to: string, extra: Partial<RouteQuery> = {}): RouteQuery => ({ ...DEFAULT_QUERY, from, to, ...extra });
const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

const I = ['mary', 'saraghs', 'sarakhs', 'zahedan', 'taftan', 'quetta', 'karachi'];
const II = ['mary', 'saraghs', 'sarakhs', 'bandar-abbas', 'karachi'];
const III = ['mary', 'serhetabat', 'torghundi', 'herat', 'spin-boldak', 'chaman', 'quetta', 'karachi'];

test('A. mary → karachi, defaults', async () => {
  const [fast] = planRoutes(await p(), q('mary', 'karachi'));
  assert.deepEqual(fast!.places, I);
  near(fast!.hours.total.typical, 121.6);
  assert.equal(fast!.distanceKm, 3205);
  assert.equal(fast!.crossings.length, 2);
  assert.deepEqual(fast!.gaugeBreaks.map((g) => g.placeId), ['saraghs', 'zahedan']);
  const [short] = planRoutes(await p(), q('mary', 'karachi', { objective: 'shortest' }));
  assert.deepEqual(short!.places, II);
  near(short!.distanceKm, 3116.2);
  near(short!.hours.total.typical, 129.1);
  const [few] = planRoutes(await p(), q('mary', 'karachi', { objective: 'fewest-borders' }));
  assert.deepEqual(few!.places, I);
});

test('B. include planned + proposed: through Afghanistan', async () => {
  const include = ['planned', 'proposed'] as const;
  for (const objective of ['fastest', 'shortest', 'fewest-borders'] as const) {
    const [r] = planRoutes(await p(), q('mary', 'karachi', { include, objective }));
    assert.deepEqual(r!.places, III, objective);
    near(r!.hours.total.typical, 78.35);
    assert.equal(r!.distanceKm, 2065);
  }
  const [r] = planRoutes(await p(), q('mary', 'karachi', { include }));
  assert.ok(r!.warnings.some((w) => w.code === 'PLANNED_CROSSING'));
  assert.ok(r!.warnings.some((w) => w.code === 'NON_OPERATIONAL_LINK'));
});

test("B'. include proposed only: torghundi–herat is planned, so as A", async () => {
  const [fast] = planRoutes(await p(), q('mary', 'karachi', { include: ['proposed'] }));
  assert.deepEqual(fast!.places, I);
  const [short] = planRoutes(await p(), q('mary', 'karachi', { include: ['proposed'], objective: 'shortest' }));
  assert.deepEqual(short!.places, II);
});

test('C. alat-port → karachi: ferry first', async () => {
  const [fast] = planRoutes(await p(), q('alat-port', 'karachi'));
  assert.deepEqual(fast!.places, ['alat-port', 'turkmenbashi', ...I]);
  near(fast!.hours.total.typical, 216.6);
  assert.equal(fast!.distanceKm, 4475);
  const [short] = planRoutes(await p(), q('alat-port', 'karachi', { objective: 'shortest' }));
  near(short!.distanceKm, 4386.2);
  near(short!.hours.total.typical, 224.1);
});

test('D. mary → spin-boldak by rail and road; no route without road', async () => {
  for (const objective of ['fastest', 'shortest', 'fewest-borders'] as const) {
    const [r] = planRoutes(await p(), q('mary', 'spin-boldak', { modes: ['rail', 'road'], objective }));
    assert.deepEqual(r!.places, ['mary', 'serhetabat', 'torghundi', 'herat', 'spin-boldak']);
    near(r!.hours.total.typical, 33.35);
    assert.equal(r!.distanceKm, 1115);
  }
  await assert.rejects(async () => planRoutes(await p(), q('mary', 'spin-boldak')), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
});

test('E. quetta → spin-boldak, rail + road, operational: round by Iran and Turkmenistan', async () => {
  const [r] = planRoutes(await p(), q('quetta', 'spin-boldak', { modes: ['rail', 'road'] }));
  assert.deepEqual(r!.places, ['quetta', 'taftan', 'zahedan', 'sarakhs', 'saraghs', 'mary', 'serhetabat', 'torghundi', 'herat', 'spin-boldak']);
  near(r!.hours.total.typical, 127.975);
  assert.equal(r!.distanceKm, 3450);
  assert.equal(r!.crossings.length, 3);
});

test('travelCosts agree with planRoutes from mary', async () => {
  const net = await p();
  const opts = { ...DEFAULT_QUERY, objective: 'fastest' as const };
  const costs = travelCosts(net, 'mary', opts);
  near(costs.get('karachi')!.hours, 121.6);
  assert.equal(costs.get('karachi')!.km, 3205);
  assert.equal(costs.has('spin-boldak'), false);
  for (const [to, c] of costs) {
    const [r] = planRoutes(net, q('mary', to));
    near(c.hours, r!.hours.total.typical);
  }
});
