/** explainRoutes on the fixture's hand-worked routes I and II (test/fixtures/network-small/README.md). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import type { Objective, Route } from '../../../src/domain/routing/route-types.js';
import { bordersOf, explainRoutes } from '../../../src/domain/planning/explain.js';
import type { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import { fixtureRegistry } from './fixture.js';

let reg: ScenarioRegistry;
before(async () => {
  ({ reg } = await fixtureRegistry());
});

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
const plan = (objective: Objective): Route[] =>
  planRoutes(reg.base, { ...DEFAULT_QUERY, from: 'mary', to: 'karachi', objective, alternatives: 3 });

describe('explainRoutes', () => {
  it('splits route I (121.6 h) into running 91.6, border dwell 14, gauge change 16 h', () => {
    const [e] = explainRoutes(plan('fastest'), 'fastest');
    const h = new Map(e!.components.map((c) => [c.component, c.hours.typical]));
    near(h.get('running')!, 91.6);
    near(h.get('borderDwell')!, 14);
    near(h.get('gaugeChange')!, 16);
    assert.equal(h.get('sea'), 0);
    near(e!.components.find((c) => c.component === 'running')!.share, 91.6 / 121.6);
    assert.equal(e!.versusBest, null);
    assert.equal(e!.rank, 1);
    assert.match(e!.summary, /fastest at 121\.6 h typical/);
  });

  it('fastest: route II is 7.5 h slower than I; the sea legs (+70 h) cause it, less running (−42.5 h) offsets part', () => {
    const [, e] = explainRoutes(plan('fastest'), 'fastest');
    const v = e!.versusBest!;
    near(v.hours, 129.1 - 121.6);
    near(v.km, 3116.2 - 3205);
    assert.equal(v.crossings, -1); // II passes Sarakhs only
    assert.equal(v.borders, 0); // TM → IR → PK either way
    // II − I: running 49.1 − 91.6, dwell 6 − 14, gauge 4 − 16, sea 70 − 0.
    assert.deepEqual(
      v.components.map((d) => d.component),
      ['sea', 'running', 'gaugeChange', 'borderDwell'],
    );
    near(v.components[0]!.hours, 70);
    near(v.components[1]!.hours, -42.5);
    assert.deepEqual(v.causes, ['sea']);
    assert.match(e!.summary, /^Route 2 ranks 2: 7\.5 h slower than route 1 \(typical\), caused by sea \+70 h, partly offset by running −42\.5 h/);
  });

  it('shortest: route I ranks 2 because it is 88.8 km longer, though 7.5 h faster', () => {
    const routes = plan('shortest');
    assert.deepEqual(routes.map((r) => r.distanceKm), [3116.2, 3205]);
    const [, e] = explainRoutes(routes, 'shortest');
    near(e!.versusBest!.km, 88.8);
    near(e!.versusBest!.hours, -7.5);
    assert.deepEqual(e!.versusBest!.causes, ['running', 'gaugeChange', 'borderDwell']);
    assert.match(e!.summary, /^Route 2 ranks 2: 88\.8 km longer than route 1; 7\.5 h faster/);
    assert.match(e!.summary, /1 more border crossing\.$/);
  });

  it('fewest-borders: equal borders, so the rank comes from the hours', () => {
    const [best, e] = explainRoutes(plan('fewest-borders'), 'fewest-borders');
    assert.match(best!.summary, /fewest borders \(2\)/);
    assert.match(e!.summary, /as many borders as route 1 and 7\.5 h slower/);
  });

  it('counts borders as country changes and gives nothing for no routes', () => {
    const [r] = plan('fastest');
    assert.equal(bordersOf(r!), 2);
    assert.deepEqual(explainRoutes([], 'fastest'), []);
  });
});
