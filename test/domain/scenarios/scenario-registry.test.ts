import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { prepareNetwork } from '../../../src/domain/routing/prepare.js';
import type { SearchSpace } from '../../../src/domain/routing/search-space.js';
import { ScenarioRegistry } from '../../../src/domain/scenarios/scenario-registry.js';
import type { Scenario } from '../../../src/domain/scenarios/scenario-schema.js';
import { literalNetwork } from './literal-network.js';

const built: Scenario = {
  id: 'built',
  name: 'Corridor built',
  description: 'every proposed link of the test corridor built',
  overlays: [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }],
  include: ['planned'],
  sources: [{ source: 'test', statement: 'made up' }],
};

function registry(): ScenarioRegistry {
  return new ScenarioRegistry(prepareNetwork(literalNetwork()), [built]);
}

const statusOf = (r: { prepared: { network: { links: readonly { id: string; status: string }[] } } }, id: string) =>
  r.prepared.network.links.find((l) => l.id === id)?.status;

describe('ScenarioRegistry', () => {
  it('without a scenario or overlays gives the base prepared network itself', () => {
    const reg = registry();
    const r = reg.networkFor();
    assert.equal(r.prepared, reg.base);
    assert.deepEqual(r.applied, []);
    assert.deepEqual(r.include, []);
  });

  it('prepares a named scenario once and serves the cached one afterwards', () => {
    const reg = registry();
    const a = reg.networkFor('built');
    const b = reg.networkFor('built');
    assert.equal(a.prepared, b.prepared);
    assert.notEqual(a.prepared, reg.base);
    assert.equal(statusOf(a, 'charlie--delta'), 'operational');
    assert.equal(statusOf({ prepared: reg.base }, 'charlie--delta'), 'proposed');
    assert.deepEqual(a.include, ['planned']);
    assert.equal(a.scenario?.id, 'built');
  });

  it('builds request overlays fresh every time, on top of the scenario, without touching the cache or the base', () => {
    const reg = registry();
    const cached = reg.networkFor('built').prepared;
    const overlays = [{ kind: 'set-link-status', linkId: 'alpha--bravo', status: 'suspended' }];
    const x = reg.networkFor('built', overlays);
    const y = reg.networkFor('built', overlays);
    assert.notEqual(x.prepared, y.prepared);
    assert.notEqual(x.prepared, cached);
    assert.equal(statusOf(x, 'alpha--bravo'), 'suspended');
    assert.equal(statusOf(x, 'charlie--delta'), 'operational');
    assert.equal(statusOf({ prepared: cached }, 'alpha--bravo'), 'operational');
    assert.equal(statusOf({ prepared: reg.base }, 'alpha--bravo'), 'operational');
    assert.equal(reg.networkFor('built').prepared, cached);
    assert.deepEqual(x.applied.map((a) => a.kind), ['build-corridor', 'set-link-status']);
    // A network for one question gets no landmark tables; the kept ones have theirs.
    assert.equal(x.prepared.space.landmarks.count, 0);
    assert.ok(cached.space.landmarks.count > 0);
  });

  it('request overlays alone apply to the base', () => {
    const reg = registry();
    const r = reg.networkFor(undefined, [{ kind: 'set-crossing-status', crossingId: 'bravo--charlie', status: 'closed' }]);
    assert.equal(r.prepared.network.crossings.find((c) => c.id === 'bravo--charlie')?.status, 'closed');
    assert.equal(reg.base.network.crossings.find((c) => c.id === 'bravo--charlie')?.status, 'open');
  });

  it('refuses request overlays with BUDGET_EXCEEDED when preparing their network would outlast the deadline', () => {
    const reg = registry();
    const overlays = [{ kind: 'set-link-status', linkId: 'alpha--bravo', status: 'suspended' }];
    const budgetExceeded = (expectedMs: number) => (e: unknown) =>
      e instanceof DomainError && e.code === 'BUDGET_EXCEEDED' && e.details.limit === 'deadlineMs' && e.details.expectedMs === expectedMs;
    // Before any overlay network, the base's own preparation time is the estimate.
    const measured = reg.base.prepareMs;
    reg.base.prepareMs = 5000;
    assert.throws(() => reg.networkFor(undefined, overlays, undefined, 1000), budgetExceeded(5000));
    // Within the deadline it is prepared, and that preparation's time becomes the estimate.
    const ok = reg.networkFor(undefined, overlays, undefined, 10_000);
    assert.equal(statusOf(ok, 'alpha--bravo'), 'suspended');
    assert.ok(ok.prepared.prepareMs > 0);
    reg.base.prepareMs = measured;
    assert.throws(() => reg.networkFor(undefined, overlays, undefined, 0), budgetExceeded(Math.round(ok.prepared.prepareMs)));
    // No overlays: nothing to prepare, never refused.
    assert.equal(reg.networkFor(undefined, [], undefined, 0).prepared, reg.base);
  });

  it('an unknown scenario is NOT_FOUND; a bad request overlay is INVALID_CONSTRAINT', () => {
    const reg = registry();
    assert.throws(() => reg.networkFor('nope'), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
    assert.throws(
      () => reg.networkFor('built', [{ kind: 'set-link-status', linkId: 'nowhere--else', status: 'operational' }]),
      (e: unknown) => e instanceof DomainError && e.code === 'INVALID_CONSTRAINT',
    );
  });

  it('prepareAhead prepares a named scenario in slices, once for concurrent callers, and networkFor then serves it', async () => {
    const reg = registry();
    // The event loop runs between the steps: a chain of setImmediate callbacks advances meanwhile.
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const first = reg.prepareAhead('built');
    assert.equal(reg.prepareAhead('built'), first, 'a second caller shares the preparation under way');
    await first;
    counting = false;
    assert.ok(turns >= 3, `the event loop ran ${turns} times during the preparation`);
    const kept = reg.networkFor('built');
    assert.equal(reg.networkFor('built').prepared, kept.prepared);
    assert.equal(statusOf(kept, 'charlie--delta'), 'operational');
    assert.deepEqual(kept.applied.map((a) => a.kind), ['build-corridor']);
    // The same network as the synchronous path prepares.
    const sync = registry().networkFor('built').prepared;
    assert.deepEqual([...kept.prepared.space.edgeTarget], [...sync.space.edgeTarget]);
    assert.deepEqual([...kept.prepared.space.weights.fastest], [...sync.space.weights.fastest]);
    assert.deepEqual(kept.prepared.space.landmarks, sync.space.landmarks);
    assert.ok(kept.prepared.prepareMs > 0);
    // Kept now: nothing more to prepare.
    await reg.prepareAhead('built');
    assert.equal(reg.networkFor('built').prepared, kept.prepared);
  });

  it('prepareAhead has nothing to do for today, and leaves an unknown scenario to networkFor', async () => {
    const reg = registry();
    await reg.prepareAhead();
    await reg.prepareAhead(undefined, undefined);
    await reg.prepareAhead('nope');
    assert.throws(() => reg.networkFor('nope'), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
  });

  it('prepareAhead hands the landmark tables to landmarksLater when given', async () => {
    const spaces: SearchSpace[] = [];
    const reg = new ScenarioRegistry(prepareNetwork(literalNetwork()), [built], { landmarksLater: (space) => spaces.push(space) });
    await reg.prepareAhead('built');
    const kept = reg.networkFor('built').prepared;
    assert.deepEqual(spaces, [kept.space]);
    assert.equal(kept.space.landmarks.count, 0, 'no tables until the hook builds them');
    // The synchronous path is unchanged: its network has its tables.
    const other = new ScenarioRegistry(prepareNetwork(literalNetwork()), [built], { landmarksLater: (space) => spaces.push(space) });
    assert.ok(other.networkFor('built').prepared.space.landmarks.count > 0);
    assert.equal(spaces.length, 1);
  });

  it('applied() tells what a scenario changes without preparing it, and agrees with the prepared one', () => {
    const reg = registry();
    const listed = reg.applied('built');
    assert.equal(reg.applied('built'), listed, 'kept');
    assert.deepEqual(listed.map((a) => a.kind), ['build-corridor']);
    assert.deepEqual(reg.networkFor('built').applied, listed);
    assert.throws(() => reg.applied('nope'), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
  });
});
