/** matrixRow and reachableWithin on the fixture (hours and km as in test/fixtures/network-small/README.md). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { matrixRow } from '../../../src/domain/planning/matrix.js';
import { reachableWithin } from '../../../src/domain/planning/reachability.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import type { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import { fixtureRegistry } from './fixture.js';

let reg: ScenarioRegistry;
before(async () => {
  ({ reg } = await fixtureRegistry());
});

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

describe('matrixRow', () => {
  it('mary to itself, karachi (route I), chaman (route I to quetta + 120 km) and spin-boldak (unreachable)', () => {
    const [self, karachi, chaman, spin] = matrixRow(reg.base, 'mary', ['mary', 'karachi', 'chaman', 'spin-boldak'], DEFAULT_QUERY);
    assert.deepEqual(self, { hours: 0, lowHours: 0, highHours: 0, km: 0, crossings: 0, gaugeBreaks: 0, unscheduledLegs: 0 });
    near(karachi!.hours, 121.6);
    // Low and high hours and gauge breaks are those of the best route itself.
    const [best] = planRoutes(reg.base, { ...DEFAULT_QUERY, from: 'mary', to: 'karachi' });
    near(karachi!.lowHours, best!.hours.total.low);
    near(karachi!.highHours, best!.hours.total.high);
    assert.ok(karachi!.lowHours < karachi!.hours && karachi!.hours < karachi!.highHours);
    assert.equal(karachi!.gaugeBreaks, best!.gaugeBreaks.length);
    assert.equal(karachi!.km, 3205);
    assert.equal(karachi!.crossings, 2);
    // Route I as far as quetta (121.6 − 29 = 92.6 h, 2,335 km), then quetta → chaman 120 km at 30 km/h = 4 h.
    near(chaman!.hours, 96.6);
    assert.equal(chaman!.km, 2455);
    assert.equal(spin, null);
  });

  it('uses the scenario network it is given', () => {
    const [spin] = matrixRow(reg.networkFor('afghan-line-built').prepared, 'mary', ['spin-boldak'], DEFAULT_QUERY);
    // mary → serhetabat 6 + 0.1 + dwell 4 + herat 3 + spin-boldak 16 = 29.1 h over 1,065 km.
    near(spin!.hours, 29.1);
    assert.equal(spin!.km, 1065);
  });
});

describe('reachableWithin', () => {
  it('from mary within 15 h: saraghs 4 h, serhetabat 6 h, torghundi 10.1 h, sarakhs 14.1 h, by hours', () => {
    const r = reachableWithin(reg.base, 'mary', 15, DEFAULT_QUERY);
    assert.deepEqual(r.map((x) => x.placeId), ['saraghs', 'serhetabat', 'torghundi', 'sarakhs']);
    near(r[2]!.hours, 10.1); // 6 + 0.1 + dwell 4
    assert.equal(r[2]!.km, 305);
    assert.equal(r[2]!.crossings, 1);
    near(r[3]!.hours, 14.1); // 4 + 0.1 + dwell TM>IR 6 + bogie exchange 4
  });

  it('includes a place exactly at the budget and never the origin', () => {
    assert.deepEqual(reachableWithin(reg.base, 'mary', 4, DEFAULT_QUERY).map((x) => x.placeId), ['saraghs']);
    assert.deepEqual(reachableWithin(reg.base, 'mary', 0, DEFAULT_QUERY), []);
  });
});
