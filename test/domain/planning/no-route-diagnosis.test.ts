/**
 * NO_ROUTE diagnosis on the small fixture (routes I, II, III of its README):
 * which constraint stops a route and which relaxations let one through, and
 * the bound on the retries.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/errors.js';
import { diagnoseNoRoute, planRoutesOrDiagnose, relaxationsOf } from '../../../src/domain/planning/no-route-diagnosis.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import type { PreparedNetwork } from '../../../src/domain/routing/prepare.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';
import { fixtureRegistry } from './fixture.js';

let today: PreparedNetwork;
before(async () => {
  today = (await fixtureRegistry()).reg.base;
});

const q = (over: Partial<RouteQuery>): RouteQuery => ({ ...DEFAULT_QUERY, from: 'mary', to: 'karachi', ...over });

describe('diagnoseNoRoute', () => {
  it('mary → karachi avoiding IR: allowed IR gives route I, the Afghan lines (planned and proposed) route III', () => {
    const d = diagnoseNoRoute(today, q({ avoidCountries: ['IR'] }));
    assert.equal(d.complete, true);
    assert.deepEqual(
      d.openings.map((o) => [o.parameters, o.change, o.route.distanceKm]),
      [
        [['avoidCountries'], 'allow IR', 3205],
        [['include'], 'include under-construction, planned and proposed lines', 2065],
      ],
    );
    assert.deepEqual(d.openings[1]!.values, { include: ['under-construction', 'planned', 'proposed'] });
  });

  it('every opening it reports really routes when planned as stated', () => {
    const asked = q({ avoidCountries: ['IR'], avoidCrossings: ['saraghs--sarakhs'] });
    const d = diagnoseNoRoute(today, asked);
    assert.ok(d.openings.length > 0);
    for (const o of d.openings) assert.ok(planRoutes(today, { ...asked, ...o.values }).length > 0, o.change);
  });

  it('never plans more than its retry bound, and says when it stopped early', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (maxRetries) => {
        let calls = 0;
        const never = () => {
          calls++;
          throw new DomainError('NO_ROUTE', 'none');
        };
        const asked = q({ avoidCountries: ['IR', 'AF'], avoidCrossings: ['saraghs--sarakhs'], via: ['zahedan'] });
        const d = diagnoseNoRoute(today, asked, never, { maxRetries, budgetMs: 10_000 });
        const candidates = relaxationsOf(asked).length;
        assert.equal(calls, Math.min(maxRetries, candidates));
        assert.equal(d.tried, calls);
        assert.equal(d.complete, maxRetries >= candidates);
        assert.deepEqual(d.openings, []);
      }),
    );
  });

  it('passes other errors through', () => {
    const broken = () => {
      throw new DomainError('INVALID_CONSTRAINT', 'bad');
    };
    assert.throws(() => diagnoseNoRoute(today, q({ avoidCountries: ['IR'] }), broken), /bad/);
  });
});

describe('planRoutesOrDiagnose', () => {
  it('answers a question with a route exactly as planRoutes does', () => {
    assert.deepEqual(planRoutesOrDiagnose(today, q({})), planRoutes(today, q({})));
  });

  it('a NO_ROUTE says what stopped it and what lets a route through', () => {
    let err: DomainError | undefined;
    try {
      planRoutesOrDiagnose(today, q({ avoidCountries: ['IR'] }));
    } catch (e) {
      err = e as DomainError;
    }
    assert.equal(err?.code, 'NO_ROUTE');
    assert.match(err!.message, /stopped by avoidCountries=IR, include \(operational lines only\)/);
    assert.match(err!.message, /allow IR \(3205 km/);
    assert.deepEqual(err!.details.blockedBy, ['avoidCountries', 'include']);
    assert.equal((err!.details.wouldRoute as unknown[]).length, 2);
  });
});
