/**
 * Validation once: a query validateQuery passed is not checked again by
 * planRoutes on the same network, is frozen so it cannot change after the
 * check, and anything else (a spread of it, another network) is checked
 * again. The error table of unchecked queries is in plan-routes.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';
import { validatedStops, validateQuery } from '../../../src/domain/routing/validate-query.js';
import { network, parameters, place, rail, range } from './build-network.js';

const params = () => parameters(['KZ'], { rail: range(40, 50, 100) });
const places = () => [place('a', 'KZ'), place('b', 'KZ'), place('c', 'KZ')];
const withLinkBc = prepareNetwork(network(places(), [rail('ab', 'a', 'b', 100, 1520), rail('bc', 'b', 'c', 50, 1520)], [], [], params()));
const withoutLinkBc = prepareNetwork(network(places(), [rail('ab', 'a', 'b', 100, 1520), rail('bc2', 'b', 'c', 60, 1520)], [], [], params()));
const q = (extra: Partial<RouteQuery> = {}): RouteQuery => ({ ...DEFAULT_QUERY, from: 'a', to: 'c', ...extra });

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return `${err.code} ${String(err.details.field)}`;
    throw err;
  }
};

test('a validated query keeps its stops and is not checked again on its network', () => {
  const v = validateQuery(withLinkBc.index, q({ via: ['b'] }));
  assert.deepEqual(validatedStops(withLinkBc.index, v), ['a', 'b', 'c']);
  // The same recorded stops, not a fresh check.
  assert.equal(validatedStops(withLinkBc.index, v), validatedStops(withLinkBc.index, v));
  const unchecked = q({ via: ['b'] });
  assert.notEqual(validatedStops(withLinkBc.index, unchecked), validatedStops(withLinkBc.index, unchecked));
  assert.deepEqual(planRoutes(withLinkBc, v), planRoutes(withLinkBc, unchecked));
});

test('a validated query cannot change after the check', () => {
  const v = validateQuery(withLinkBc.index, q({ avoidLinks: [] }));
  assert.throws(() => ((v as { from: string }).from = 'zz'), TypeError);
  assert.throws(() => (v.avoidLinks as string[]).push('zz'), TypeError);
});

test('a spread of a validated query, or another network, is checked again', () => {
  const v = validateQuery(withLinkBc.index, q({ avoidLinks: ['bc'] }));
  assert.equal(codeOf(() => planRoutes(withLinkBc, { ...v, from: 'zz' })), 'UNKNOWN_PLACE from');
  assert.equal(codeOf(() => planRoutes(withLinkBc, { ...v, to: 'a' })), 'INVALID_CONSTRAINT to');
  // Link "bc" is known where the query was checked, not on the other network.
  assert.equal(codeOf(() => planRoutes(withoutLinkBc, v)), 'INVALID_CONSTRAINT avoidLinks');
});

test('the checks themselves: the same errors as before, once', () => {
  const table: [Partial<RouteQuery>, string][] = [
    [{ from: 'zz' }, 'UNKNOWN_PLACE from'],
    [{ via: ['zz'] }, 'UNKNOWN_PLACE via'],
    [{ alternatives: 0 }, 'INVALID_CONSTRAINT alternatives'],
    [{ maxOverlap: 2 }, 'INVALID_CONSTRAINT maxOverlap'],
    [{ modes: [] }, 'INVALID_CONSTRAINT modes'],
    [{ via: ['a'] }, 'INVALID_CONSTRAINT via'],
    [{ avoidPlaces: ['c'] }, 'INVALID_CONSTRAINT avoidPlaces'],
    [{ avoidCountries: ['KZ'] }, 'INVALID_CONSTRAINT avoidCountries'],
    [{ avoidCrossings: ['x-none'] }, 'INVALID_CONSTRAINT avoidCrossings'],
    [{ via: ['b'] }, 'ok'],
  ];
  for (const [extra, want] of table) assert.equal(codeOf(() => validateQuery(withLinkBc.index, q(extra))), want, JSON.stringify(extra));
  // Places resolved by the caller are not looked up again; everything else still is.
  assert.equal(codeOf(() => validateQuery(withLinkBc.index, q({ alternatives: 0 }), { placesResolved: true })), 'INVALID_CONSTRAINT alternatives');
});
