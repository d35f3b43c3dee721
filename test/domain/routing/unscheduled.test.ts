/**
 * Ferry and sea links without scheduled sailings, on a literal network worked
 * out by hand (rail 50 km/h, 10 kn, sea handling 0 h, ferry 1 + 0 + 0 h):
 *
 *   a ==100 rail== b ~~sea 185.2 (on-demand)~~ d      b ==1000 rail== d
 *   b ~~sea 370.4 (service none)~~ e ==10 rail== d
 *   a ~~ferry 50 (no service record)~~ f
 *
 * Default: a → d takes the 1,000 km rail line (100 + 1,000 = 1,100 km); with
 * allowUnscheduled the on-demand hop (100 + 185.2 = 285.2 km) and an
 * UNSCHEDULED_LEG warning naming it. A ferry with no service record is usable
 * and says its service is unknown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { makeFilter } from '../../../src/domain/routing/filters.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { Link } from '../../../src/domain/network/schema.js';
import { ferry, network, place, rail, sea } from './build-network.js';

const src = [{ source: 'test', statement: 'made up for a test' }];
const service = (kind: 'scheduled' | 'on-demand' | 'none'): Pick<Link, 'service'> => ({ service: { kind, asOf: '2025', sources: src } });

function net() {
  return prepareNetwork(
    network(
      ['a', 'b', 'd', 'e', 'f'].map((id) => place(id, 'PK')),
      [
        rail('ab', 'a', 'b', 100, 1676),
        rail('bd', 'b', 'd', 1000, 1676),
        rail('ed', 'e', 'd', 10, 1676),
        sea('bd-sea', 'b', 'd', 185.2, 0, service('on-demand')),
        sea('be-sea', 'b', 'e', 370.4, 0, service('none')),
        ferry('af', 'a', 'f', 50, 1, 0, 0),
      ],
    ),
  );
}

const plan = (from: string, to: string, allowUnscheduled: boolean, extra = {}) =>
  planRoutes(net(), { ...DEFAULT_QUERY, from, to, objective: 'shortest', allowUnscheduled, ...extra });

test('by default an on-demand sea hop is not used: a → d goes by rail, 1,100 km, without an UNSCHEDULED_LEG warning', () => {
  const [r] = plan('a', 'd', false);
  assert.equal(r!.distanceKm, 1100);
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['ab', 'bd']);
  assert.ok(!r!.warnings.some((w) => w.code === 'UNSCHEDULED_LEG'));
});

test('with allowUnscheduled the on-demand hop is used (285.2 km) and warned about by link id', () => {
  const [r] = plan('a', 'd', true);
  assert.ok(Math.abs(r!.distanceKm - 285.2) < 1e-9, String(r!.distanceKm));
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['ab', 'bd-sea']);
  const w = r!.warnings.filter((x) => x.code === 'UNSCHEDULED_LEG');
  assert.deepEqual(w.map((x) => x.refs), [['bd-sea']]);
  assert.match(w[0]!.message, /on-demand/);
});

test('a link with service "none" is unscheduled too: b → e has no route by default, and a warned one when allowed', () => {
  assert.throws(() => plan('b', 'e', false, { modes: ['sea'] }), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
  const [r] = plan('b', 'e', true, { modes: ['sea'] });
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['be-sea']);
  assert.ok(r!.warnings.some((w) => w.code === 'UNSCHEDULED_LEG' && w.refs[0] === 'be-sea' && /\(none,/.test(w.message)));
});

test('a ferry without a service record is usable and its service is reported as unknown', () => {
  const [r] = plan('a', 'f', false);
  assert.deepEqual(r!.legs.map((l) => l.linkId), ['af']);
  assert.deepEqual(
    r!.warnings.filter((w) => w.code === 'SERVICE_UNKNOWN').map((w) => w.refs),
    [['af']],
  );
});

test('the filter itself: unscheduled sea links are out unless allowed; rail, scheduled and unknown stay in', () => {
  const p = net();
  const byId = (id: string) => p.network.links.find((l) => l.id === id)!;
  const opts = { ...DEFAULT_QUERY, modes: ['rail', 'ferry', 'sea'] as const };
  const strict = makeFilter(p.index, { ...opts, allowUnscheduled: false });
  const loose = makeFilter(p.index, { ...opts, allowUnscheduled: true });
  assert.deepEqual(['ab', 'bd-sea', 'be-sea', 'af'].map((id) => strict.linkAllowed(byId(id))), [true, false, false, true]);
  assert.deepEqual(['ab', 'bd-sea', 'be-sea', 'af'].map((id) => loose.linkAllowed(byId(id))), [true, true, true, true]);
  const scheduled = { ...byId('bd-sea'), ...service('scheduled') };
  assert.equal(strict.linkAllowed(scheduled), true);
});
