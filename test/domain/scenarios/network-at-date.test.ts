/**
 * networkAtDate: which records a planning month opens (a literal table on the
 * six-place test network), the routes over them and their warnings, the
 * registry's caching by what a month opens, and a property test against a
 * month-number reference.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/errors.js';
import type { ExpectedOpening, Network } from '../../../src/domain/network/schema.js';
import { DEFAULT_QUERY } from '../../../src/domain/routing/defaults.js';
import { planRoutes } from '../../../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import { networkAtDate, openingsAt } from '../../../src/domain/scenarios/network-at-date.js';
import { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import { literalNetwork } from './literal-network.js';

const opening = (date: string, confidence: ExpectedOpening['confidence'] = 'announced'): ExpectedOpening => ({
  date,
  confidence,
  provenance: confidence === 'speculative' ? { basis: 'estimate', method: 'made up for tests' } : { basis: 'sourced' },
  sources: [{ source: 'test', statement: 'date made up for tests' }],
});

/** The literal network (data date 2025-10) with expected openings on its line to Pakistan. */
function dated(): Network {
  const net = literalNetwork();
  const dates: Record<string, ExpectedOpening> = {
    'link:charlie--delta': opening('2027-06'),
    'crossing:charlie--delta': opening('2027-06'),
    'link:delta--echo': opening('2029', 'speculative'),
    'crossing:delta--echo--rail': opening('2029', 'speculative'),
    // Overdue: due before the data date, not recorded as reopened.
    'crossing:delta--echo--road': opening('2025-06'),
  };
  return {
    ...net,
    links: net.links.map((l) => (dates[`link:${l.id}`] ? { ...l, expectedOpening: dates[`link:${l.id}`] } : l)),
    crossings: net.crossings.map((c) => (dates[`crossing:${c.id}`] ? { ...c, expectedOpening: dates[`crossing:${c.id}`] } : c)),
  };
}

const openedIds = (net: Network, asOf: string) => openingsAt(net, asOf).map((o) => `${o.kind}:${o.id}`);

describe('networkAtDate: what a month opens', () => {
  const net = dated();
  const table: [asOf: string, opened: string[]][] = [
    ['2024-01', []],
    // The data date's own month is today's network: the overdue reopening is not assumed.
    ['2025-10', []],
    ['2025-11', ['crossing:delta--echo--road']],
    ['2027-05', ['crossing:delta--echo--road']],
    // A record opens in its own month.
    ['2027-06', ['link:charlie--delta', 'crossing:charlie--delta', 'crossing:delta--echo--road']],
    // A year alone counts as its December.
    ['2029-11', ['link:charlie--delta', 'crossing:charlie--delta', 'crossing:delta--echo--road']],
    ['2029-12', ['link:charlie--delta', 'link:delta--echo', 'crossing:charlie--delta', 'crossing:delta--echo--rail', 'crossing:delta--echo--road']],
  ];
  for (const [asOf, opened] of table) {
    it(`${asOf} opens ${opened.length === 0 ? 'nothing' : opened.join(', ')}`, () => {
      assert.deepEqual(openedIds(net, asOf), opened);
    });
  }

  it('marks an opening due before the data date as overdue', () => {
    const [road] = openingsAt(net, '2025-11');
    assert.equal(road?.id, 'delta--echo--road');
    assert.equal(road?.overdue, true);
    assert.equal(road?.recordedStatus, 'closed');
    assert.equal(openingsAt(net, '2027-06').find((o) => o.id === 'charlie--delta')?.overdue, false);
  });

  it('at or before the data date gives the very same network', () => {
    assert.equal(networkAtDate(net, '2025-10').network, net);
  });

  it('copies the opened records with status operational / open, shares the rest and leaves the input alone', () => {
    const at = networkAtDate(net, '2029-12').network;
    assert.equal(at.links.find((l) => l.id === 'charlie--delta')?.status, 'operational');
    assert.equal(at.crossings.find((c) => c.id === 'delta--echo--rail')?.status, 'open');
    assert.equal(at.crossings.find((c) => c.id === 'delta--echo--road')?.status, 'open');
    assert.equal(net.links.find((l) => l.id === 'charlie--delta')?.status, 'proposed');
    assert.equal(net.crossings.find((c) => c.id === 'delta--echo--road')?.status, 'closed');
    assert.equal(at.links.find((l) => l.id === 'alpha--bravo'), net.links.find((l) => l.id === 'alpha--bravo'));
  });

  for (const bad of ['2027-13', '2027-00', '2027', '2027-6', '2027-06-01', 'now', '']) {
    it(`rejects the planning month ${JSON.stringify(bad)} naming asOf`, () => {
      assert.throws(
        () => networkAtDate(net, bad),
        (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT' && (e.details as { field?: string }).field === 'asOf',
      );
    });
  }
});

describe('routes at a planning month', () => {
  const q = { ...DEFAULT_QUERY, from: 'alpha', to: 'foxtrot' };

  it('finds no rail route to Pakistan before the line opens, and one over it after, warning about each dated record', () => {
    const net = dated();
    assert.throws(() => planRoutes(prepareNetwork(networkAtDate(net, '2029-11').network), q), (e: unknown) => e instanceof DomainError && e.code === 'NO_ROUTE');
    const [route] = planRoutes(prepareNetwork(networkAtDate(net, '2029-12').network), q);
    assert.deepEqual(route?.legs.map((l) => l.linkId), ['alpha--bravo', 'bravo--charlie', 'charlie--delta', 'delta--echo', 'echo--foxtrot']);
    const expected = route!.warnings.filter((w) => w.code === 'EXPECTED_OPENING');
    assert.deepEqual(
      expected.map((w) => w.refs[0]),
      ['charlie--delta', 'charlie--delta', 'delta--echo', 'delta--echo--rail'],
    );
    assert.match(expected[2]!.message, /expected 2029 \(speculative, estimate date; sources: test\)/);
    assert.ok(!route!.warnings.some((w) => w.code === 'NON_OPERATIONAL_LINK' || w.code === 'PLANNED_CROSSING'));
  });
});

describe('ScenarioRegistry with asOf', () => {
  it('plans months that open the same records on one prepared network, and today at or before the data date', () => {
    const reg = new ScenarioRegistry(prepareNetwork(dated()), []);
    const a = reg.networkFor(undefined, [], '2030-01');
    const b = reg.networkFor(undefined, [], '2031-05');
    assert.equal(a.prepared, b.prepared);
    assert.notEqual(a.prepared, reg.base);
    assert.equal(a.dated?.opened.length, 5);
    const today = reg.networkFor(undefined, [], '2025-10');
    assert.equal(today.prepared, reg.base);
    assert.deepEqual(today.dated, { asOf: '2025-10', opened: [] });
  });

  it('prepareAhead keeps the network of a month, which networkFor then serves for every month opening the same records', async () => {
    const reg = new ScenarioRegistry(prepareNetwork(dated()), []);
    await reg.prepareAhead(undefined, '2030-01');
    const a = reg.networkFor(undefined, [], '2031-05');
    assert.equal(reg.networkFor(undefined, [], '2030-01').prepared, a.prepared);
    assert.equal(a.dated?.opened.length, 5);
    assert.equal(a.prepared.network.links.find((l) => l.id === 'delta--echo')?.status, 'operational');
    // A month that opens nothing plans on today's network: nothing to prepare.
    await reg.prepareAhead(undefined, '2025-10');
    assert.equal(reg.networkFor(undefined, [], '2025-10').prepared, reg.base);
  });

  it('applies request overlays after the date', () => {
    const reg = new ScenarioRegistry(prepareNetwork(dated()), []);
    const r = reg.networkFor(undefined, [{ kind: 'set-link-status', linkId: 'charlie--delta', status: 'suspended' }], '2030-01');
    assert.equal(r.prepared.network.links.find((l) => l.id === 'charlie--delta')?.status, 'suspended');
    assert.equal(r.prepared.network.links.find((l) => l.id === 'delta--echo')?.status, 'operational');
  });
});

/** Month number of a planning month or an opening date (a year alone: its December); an independent reading of the rule. */
function monthNumber(date: string): number {
  const [y, m] = date.split('-');
  return Number(y) * 12 + (m === undefined ? 12 : Number(m)) - 1;
}

describe('networkAtDate property', () => {
  const month = fc.tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  const date = fc.oneof(month, fc.integer({ min: 2020, max: 2035 }).map(String));
  const candidates = ['link:charlie--delta', 'link:delta--echo', 'crossing:charlie--delta', 'crossing:delta--echo--rail', 'crossing:delta--echo--road'];

  it('opens exactly the records due by the month, only after the data date, and never closes one as the month moves on', () => {
    fc.assert(
      fc.property(fc.array(fc.option(date, { nil: undefined }), { minLength: 5, maxLength: 5 }), month, month, (dates, asOf, later) => {
        const base = literalNetwork();
        const byKey = new Map(candidates.map((k, i) => [k, dates[i]]));
        const net: Network = {
          ...base,
          links: base.links.map((l) => (byKey.get(`link:${l.id}`) ? { ...l, expectedOpening: opening(byKey.get(`link:${l.id}`)!) } : l)),
          crossings: base.crossings.map((c) => (byKey.get(`crossing:${c.id}`) ? { ...c, expectedOpening: opening(byKey.get(`crossing:${c.id}`)!) } : c)),
        };
        const data = monthNumber(base.parameters.dataDate);
        const reference = candidates.filter((k) => {
          const d = byKey.get(k);
          return d !== undefined && monthNumber(asOf) > data && monthNumber(d) <= monthNumber(asOf);
        });
        assert.deepEqual(new Set(openedIds(net, asOf)), new Set(reference));
        const [early, late] = monthNumber(asOf) <= monthNumber(later) ? [asOf, later] : [later, asOf];
        const lateSet = new Set(openedIds(net, late));
        for (const k of openedIds(net, early)) assert.ok(lateSet.has(k), `${k} open at ${early} but not at ${late}`);
      }),
      { numRuns: 300 },
    );
  });
});
