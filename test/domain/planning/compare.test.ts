/** compareScenarios on the fixture: routes I and III of test/fixtures/network-small/README.md and its two scenarios. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import type { EmissionFactors } from '../../../src/domain/emissions/emission-schema.js';
import { compareScenarios } from '../../../src/domain/planning/compare.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';
import type { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import { fixtureRegistry } from './fixture.js';

let reg: ScenarioRegistry;
let factors: EmissionFactors;
before(async () => {
  ({ reg, factors } = await fixtureRegistry());
});

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
const q = (from: string, to: string): RouteQuery => ({ ...DEFAULT_QUERY, from, to });
/** Fixture rail links record no electrification, so every rail km counts as diesel, kg CO2e/tkm (data/emission-factors.json). */
/** Diesel rail well-to-wheel, kg CO2e/tkm: TTW 0.03159 + WTT 0.00691. */
const DIESEL = 0.03159 + 0.00691;

describe('compareScenarios', () => {
  it('mary → karachi: today route I, with the Afghan line route III, without Sarakhs no route', () => {
    const c = compareScenarios(reg, q('mary', 'karachi'), ['afghan-line-built', 'sarakhs-closed'], { factors, cargoTonnes: 1 });
    assert.equal(c.today.scenarioId, null);
    near(c.today.figures!.km, 3205);
    near(c.today.figures!.hours.typical, 121.6);
    assert.equal(c.today.figures!.crossings, 2);
    assert.equal(c.today.figures!.gaugeBreaks, 2); // Saraghs (bogie exchange), Zahedan (transshipment)
    near(c.today.figures!.kgCo2e, 3205 * DIESEL);

    const [built, closed] = c.scenarios;
    assert.equal(built!.scenarioId, 'afghan-line-built');
    near(built!.figures!.km, 2065);
    near(built!.figures!.hours.typical, 78.35);
    assert.ok(built!.route!.places.includes('herat'));
    near(built!.differences!.km, 2065 - 3205);
    near(built!.differences!.typicalHours, 78.35 - 121.6);
    assert.equal(built!.differences!.crossings, 0);
    assert.equal(built!.differences!.gaugeBreaks, -1); // one transshipment at Chaman instead of two breaks
    near(built!.differences!.kgCo2e, (2065 - 3205) * DIESEL);
    assert.equal(built!.differencesReason, null);

    assert.equal(closed!.route, null);
    assert.equal(closed!.figures, null);
    assert.match(closed!.reason!, /no route from mary to karachi/);
    assert.equal(closed!.differences, null);
    assert.equal(closed!.differencesReason, 'no route under this scenario');
  });

  it('scales CO2 with the cargo mass', () => {
    const c = compareScenarios(reg, q('mary', 'karachi'), [], { factors, cargoTonnes: 2.5 });
    near(c.today.figures!.kgCo2e, 3205 * 2.5 * DIESEL);
    assert.deepEqual(c.scenarios, []);
  });

  it('a route only under the scenario has no differences, and says why', () => {
    // mary → spin-boldak by rail needs the Afghan line: 300 + 5 + 120 + 640 = 1,065 km.
    const c = compareScenarios(reg, q('mary', 'spin-boldak'), ['afghan-line-built'], { factors, cargoTonnes: 1 });
    assert.equal(c.today.route, null);
    near(c.scenarios[0]!.figures!.km, 1065);
    assert.equal(c.scenarios[0]!.differences, null);
    assert.match(c.scenarios[0]!.differencesReason!, /no route on today/);
  });

  it('throws NOT_FOUND listing the known ids for an unknown scenario, and passes other errors on', () => {
    assert.throws(
      () => compareScenarios(reg, q('mary', 'karachi'), ['afghan-line-built', 'moon-rail'], { factors, cargoTonnes: 1 }),
      (e: unknown) =>
        e instanceof DomainError &&
        e.code === 'NOT_FOUND' &&
        e.details.value === 'moon-rail' &&
        JSON.stringify(e.details.known) === JSON.stringify(['afghan-line-built', 'sarakhs-closed']),
    );
    assert.throws(
      () => compareScenarios(reg, q('mary', 'mary'), [], { factors, cargoTonnes: 1 }),
      (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT',
    );
  });
});
