/**
 * Scenario and planning-month networks are prepared before the handler
 * (hooks/prepare-ahead.ts): which networks a question asks for, and the
 * answer when its network is not ready by the planning deadline.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { loadScenarios } from '../../../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import { networksAsked } from '../../../src/http/hooks/prepare-ahead.js';
import { FIXTURE_DIR, loadOnce, PROBLEM_TYPE, testConfig, withApp } from '../helper.js';

async function fixtureRegistry(): Promise<ScenarioRegistry> {
  const network = await loadOnce(FIXTURE_DIR);
  return new ScenarioRegistry(prepareNetwork(network), await loadScenarios(FIXTURE_DIR, network));
}

describe('networksAsked', () => {
  it('reads scenario and asOf of a question, and what a comparison plans on', async () => {
    const reg = await fixtureRegistry();
    const table: [route: string, input: unknown, wanted: [string | undefined, string | undefined][]][] = [
      ['/v1/routes', { from: 'a', to: 'b' }, []],
      ['/v1/routes', { from: 'a', to: 'b', asOf: 'now' }, []],
      ['/v1/routes', { scenario: 'afghan-line-built' }, [['afghan-line-built', undefined]]],
      ['/v1/routes', { scenario: 'afghan-line-built', asOf: '2031-01' }, [['afghan-line-built', '2031-01']]],
      ['/v1/matrix', { asOf: '2031-01' }, [[undefined, '2031-01']]],
      // A comparison: each scenario today (every named one by default), and today's network at each month.
      ['/v1/compare', { from: 'a', to: 'b' }, [['afghan-line-built', undefined], ['sarakhs-closed', undefined]]],
      ['/v1/compare', { scenarios: ['sarakhs-closed'], asOf: 'now,2028-01, 2031-01' }, [['sarakhs-closed', undefined], [undefined, '2028-01'], [undefined, '2031-01']]],
      ['/v1/places', undefined, []],
    ];
    for (const [route, input, wanted] of table) assert.deepEqual(networksAsked(route, input, reg), wanted, `${route} ${JSON.stringify(input)}`);
  });
});

describe('a question whose network is still being prepared', () => {
  it('is answered 503 with Retry-After once the planning deadline passes, and planned once the network is kept', async (t) => {
    const scenarios = await fixtureRegistry();
    const real = scenarios.prepareAhead.bind(scenarios);
    // A preparation that does not end by the deadline (on a large network it takes seconds).
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    scenarios.prepareAhead = (id, asOf) => (id === undefined && asOf === undefined ? real(id, asOf) : stalled.then(() => real(id, asOf)));
    const { app } = await withApp(t, FIXTURE_DIR, { scenarios, config: testConfig({ DATA_DIR: FIXTURE_DIR, PLAN_DEADLINE_MS: '100' }) });

    const url = '/v1/routes?from=Mary&to=PKKHI&scenario=afghan-line-built';
    const early = await app.inject({ method: 'GET', url });
    assert.equal(early.statusCode, 503, early.body);
    assert.match(String(early.headers['content-type']), PROBLEM_TYPE);
    assert.ok(Number(early.headers['retry-after']) >= 1);
    const problem = early.json() as { code: string; limit: string; value: number; detail: string };
    assert.equal(problem.code, 'SERVICE_UNAVAILABLE');
    assert.equal(problem.limit, 'deadlineMs');
    assert.equal(problem.value, 100);
    assert.match(problem.detail, /still being prepared/);
    // Today's network needs no preparation: answered as always meanwhile.
    assert.equal((await app.inject({ method: 'GET', url: '/v1/routes?from=Mary&to=PKKHI' })).statusCode, 200);

    release();
    const later = await app.inject({ method: 'GET', url });
    assert.equal(later.statusCode, 200, later.body);
    // The scenario's line through Herat (2,065 km; 3,205 km on today's network).
    assert.equal((later.json() as { routes: { distanceKm: number }[] }).routes[0]!.distanceKm, 2065);
  });

  it('leaves a failed preparation to the handler, which prepares on its own path as before', async (t) => {
    const scenarios = await fixtureRegistry();
    scenarios.prepareAhead = () => Promise.reject(new Error('made to fail'));
    const { app } = await withApp(t, FIXTURE_DIR, { scenarios });
    const res = await app.inject({ method: 'GET', url: '/v1/routes?from=Mary&to=PKKHI&scenario=afghan-line-built' });
    assert.equal(res.statusCode, 200, res.body);
  });
});
