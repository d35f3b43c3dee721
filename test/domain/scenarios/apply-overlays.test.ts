import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import type { Network } from '../../../src/domain/network/schema.js';
import { applyOverlays } from '../../../src/domain/scenarios/apply-overlays.js';
import { literalNetwork } from './literal-network.js';

const linkOf = (n: Network, id: string) => n.links.find((l) => l.id === id);
const crossingOf = (n: Network, id: string) => n.crossings.find((c) => c.id === id);

/** Asserts `fn` throws INVALID_CONSTRAINT and returns the error's details. */
function invalid(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError, `expected a DomainError, got ${String(e)}`);
    assert.equal(e.code, 'INVALID_CONSTRAINT');
    return e.details;
  }
  assert.fail('expected INVALID_CONSTRAINT');
}

describe('applyOverlays', () => {
  it('set-crossing-status changes only that crossing and leaves the input alone', () => {
    const base = literalNetwork();
    const snapshot = structuredClone(base);
    const { network, applied } = applyOverlays(base, [{ kind: 'set-crossing-status', crossingId: 'bravo--charlie', status: 'closed' }]);
    assert.equal(crossingOf(network, 'bravo--charlie')?.status, 'closed');
    assert.equal(crossingOf(network, 'delta--echo--road')?.status, 'closed');
    assert.equal(crossingOf(network, 'charlie--delta')?.status, 'planned');
    assert.notEqual(network, base);
    assert.deepEqual(base, snapshot);
    assert.equal(applied.length, 1);
    assert.equal(applied[0]?.kind, 'set-crossing-status');
    assert.deepEqual(applied[0]?.crossingIds, ['bravo--charlie']);
  });

  it('set-crossing-dwell replaces every dwell entry with the given hours', () => {
    const base = literalNetwork();
    const { network } = applyOverlays(base, [{ kind: 'set-crossing-dwell', crossingId: 'bravo--charlie', hours: { low: 1, typical: 30, high: 90 } }]);
    const dwell = crossingOf(network, 'bravo--charlie')?.dwell;
    assert.equal(dwell?.length, 1);
    assert.equal(dwell?.[0]?.direction, undefined);
    assert.deepEqual([dwell?.[0]?.hours.low, dwell?.[0]?.hours.typical, dwell?.[0]?.hours.high], [1, 30, 90]);
    assert.equal(dwell?.[0]?.hours.provenance.basis, 'estimate');
    assert.equal(crossingOf(base, 'bravo--charlie')?.dwell[0]?.hours.typical, 4);
  });

  it('scale-speed by link writes an explicit speed from the country rule (KZ rail 50/60/70 km/h × 1.5)', () => {
    const { network } = applyOverlays(literalNetwork(), [{ kind: 'scale-speed', linkId: 'alpha--bravo', factor: 1.5 }]);
    const s = linkOf(network, 'alpha--bravo')?.speedKmh;
    assert.deepEqual([s?.low, s?.typical, s?.high], [75, 90, 105]);
    assert.equal(s?.provenance.basis, 'derived');
    assert.equal(linkOf(network, 'bravo--charlie')?.speedKmh, undefined);
  });

  it('scale-speed scales a link speed of its own (echo--foxtrot 40/50/60 × 0.5) and keeps estimates as estimates', () => {
    const { network } = applyOverlays(literalNetwork(), [
      { kind: 'scale-speed', linkId: 'echo--foxtrot', factor: 0.5 },
      { kind: 'scale-speed', linkId: 'echo--foxtrot', factor: 0.5 },
    ]);
    const s = linkOf(network, 'echo--foxtrot')?.speedKmh;
    assert.deepEqual([s?.low, s?.typical, s?.high], [10, 12.5, 15]);
  });

  it('scale-speed by country touches every rail and road link with an end there, using each link’s own rule', () => {
    const { network, applied } = applyOverlays(literalNetwork(), [{ kind: 'scale-speed', country: 'TM', factor: 2 }]);
    // bravo--charlie starts in KZ: KZ rule 50/60/70 × 2; charlie--delta starts in TM: 30/40/50 × 2.
    assert.deepEqual(applied[0]?.linkIds, ['bravo--charlie', 'charlie--delta']);
    assert.equal(linkOf(network, 'bravo--charlie')?.speedKmh?.typical, 120);
    assert.equal(linkOf(network, 'charlie--delta')?.speedKmh?.typical, 80);
    assert.equal(linkOf(network, 'alpha--bravo')?.speedKmh, undefined);
  });

  it('set-link-status to operational opens the planned crossing on that link', () => {
    const { network, applied } = applyOverlays(literalNetwork(), [{ kind: 'set-link-status', linkId: 'charlie--delta', status: 'operational' }]);
    assert.equal(linkOf(network, 'charlie--delta')?.status, 'operational');
    assert.equal(crossingOf(network, 'charlie--delta')?.status, 'open');
    assert.equal(crossingOf(network, 'delta--echo--rail')?.status, 'planned');
    assert.deepEqual(applied[0]?.crossingIds, ['charlie--delta']);
  });

  it('set-link-status can suspend an operational link', () => {
    const { network } = applyOverlays(literalNetwork(), [{ kind: 'set-link-status', linkId: 'bravo--charlie', status: 'suspended' }]);
    assert.equal(linkOf(network, 'bravo--charlie')?.status, 'suspended');
    assert.equal(crossingOf(network, 'bravo--charlie')?.status, 'open');
  });

  it('build-corridor makes the corridor’s proposed links operational and opens their planned crossings, not the closed road crossing', () => {
    const { network, applied } = applyOverlays(literalNetwork(), [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }]);
    assert.equal(linkOf(network, 'charlie--delta')?.status, 'operational');
    assert.equal(linkOf(network, 'delta--echo')?.status, 'operational');
    assert.equal(crossingOf(network, 'charlie--delta')?.status, 'open');
    assert.equal(crossingOf(network, 'delta--echo--rail')?.status, 'open');
    assert.equal(crossingOf(network, 'delta--echo--road')?.status, 'closed');
    assert.deepEqual([...(applied[0]?.linkIds ?? [])].sort(), ['charlie--delta', 'delta--echo']);
    assert.deepEqual([...(applied[0]?.crossingIds ?? [])].sort(), ['charlie--delta', 'delta--echo--rail']);
  });

  it('build-corridor leaves a suspended link suspended', () => {
    const { network, applied } = applyOverlays(literalNetwork(), [
      { kind: 'set-link-status', linkId: 'bravo--charlie', status: 'suspended' },
      { kind: 'build-corridor', corridorId: 'kz-tm-af-pk' },
    ]);
    assert.equal(linkOf(network, 'bravo--charlie')?.status, 'suspended');
    assert.ok(!applied[1]?.linkIds.includes('bravo--charlie'));
  });

  it('later overlays see earlier ones: build, then close the rail crossing', () => {
    const { network } = applyOverlays(literalNetwork(), [
      { kind: 'build-corridor', corridorId: 'kz-tm-af-pk' },
      { kind: 'set-crossing-status', crossingId: 'delta--echo--rail', status: 'closed' },
    ]);
    assert.equal(linkOf(network, 'delta--echo')?.status, 'operational');
    assert.equal(crossingOf(network, 'delta--echo--rail')?.status, 'closed');
  });

  it('add-link inside one country adds an operational link marked as a request estimate', () => {
    const base = literalNetwork();
    const { network } = applyOverlays(base, [{ kind: 'add-link', from: 'alpha', to: 'bravo', mode: 'road', lengthKm: 450, speedKmh: 80 }]);
    const l = linkOf(network, 'alpha--bravo--hypothetical');
    assert.ok(l);
    assert.equal(l.status, 'operational');
    assert.equal(l.mode, 'road');
    assert.equal(l.lengthKm, 450);
    assert.deepEqual(l.length, { basis: 'estimate', method: 'hypothetical link supplied by the request' });
    assert.deepEqual([l.speedKmh?.low, l.speedKmh?.typical, l.speedKmh?.high], [80, 80, 80]);
    assert.equal(network.links.length, base.links.length + 1);
    assert.equal(base.links.length, 7);
  });

  it('add-link across a border creates its crossing with the stated gauge change', () => {
    const { network, applied } = applyOverlays(literalNetwork(), [
      {
        kind: 'add-link',
        id: 'delta--foxtrot',
        from: 'delta',
        to: 'foxtrot',
        mode: 'rail',
        lengthKm: 300,
        gaugeMm: 1676,
        speedKmh: { low: 30, typical: 40, high: 50 },
        crossing: { dwellHours: { low: 4, typical: 8, high: 24 }, handling: 'transshipment', gaugeChangeHours: { low: 6, typical: 10, high: 20 }, gauges: [1520, 1676] },
      },
    ]);
    const c = crossingOf(network, 'delta--foxtrot');
    assert.ok(c);
    assert.deepEqual(c.places, ['delta', 'foxtrot']);
    assert.deepEqual(c.countries, ['AF', 'PK']);
    assert.equal(c.status, 'open');
    assert.equal(c.gaugeChange.handling, 'transshipment');
    assert.equal(c.dwell[0]?.hours.typical, 8);
    assert.deepEqual(applied[0]?.crossingIds, ['delta--foxtrot']);
  });

  it('add-link across a border without crossing fields is rejected naming "crossing"', () => {
    const d = invalid(() =>
      applyOverlays(literalNetwork(), [{ kind: 'add-link', from: 'charlie', to: 'foxtrot', mode: 'road', lengthKm: 500, speedKmh: 40 }]),
    );
    assert.equal(d.overlayIndex, 0);
    assert.equal(d.field, 'crossing');
  });

  it('add-link that joins two gauges with no place to change them fails the data-set rules (overlayIssues)', () => {
    const d = invalid(() =>
      applyOverlays(literalNetwork(), [
        {
          kind: 'add-link',
          id: 'delta--foxtrot',
          from: 'delta',
          to: 'foxtrot',
          mode: 'rail',
          lengthKm: 300,
          gaugeMm: 1520,
          speedKmh: 40,
          crossing: { dwellHours: { low: 4, typical: 8, high: 24 } },
        },
      ]),
    );
    // 1520 mm from delta meets 1676 mm at foxtrot, which has no gauge-change facility.
    assert.deepEqual(
      (d.overlayIssues as { record: string; field: string }[]).map((i) => [i.record, i.field]),
      [['foxtrot', 'transshipment']],
    );
  });

  it('add-link parallel to a link of the same mode breaks the one-link-per-mode rule', () => {
    const d = invalid(() =>
      applyOverlays(literalNetwork(), [{ kind: 'add-link', from: 'foxtrot', to: 'echo', mode: 'rail', lengthKm: 230, gaugeMm: 1676, speedKmh: 80 }]),
    );
    assert.deepEqual(
      (d.overlayIssues as { record: string; field: string }[]).map((i) => [i.record, i.field]),
      [['foxtrot--echo--hypothetical', 'mode']],
    );
  });

  it('rejects an id that already exists for add-link', () => {
    const d = invalid(() =>
      applyOverlays(literalNetwork(), [{ kind: 'add-link', id: 'alpha--bravo', from: 'alpha', to: 'bravo', mode: 'rail', lengthKm: 400, gaugeMm: 1520, speedKmh: 60 }]),
    );
    assert.equal(d.field, 'id');
  });

  const unknowns: [string, unknown, string][] = [
    ['set-crossing-status', { kind: 'set-crossing-status', crossingId: 'nowhere--else', status: 'open' }, 'crossingId'],
    ['set-crossing-dwell', { kind: 'set-crossing-dwell', crossingId: 'nowhere--else', hours: { low: 1, typical: 2, high: 3 } }, 'crossingId'],
    ['scale-speed link', { kind: 'scale-speed', linkId: 'nowhere--else', factor: 2 }, 'linkId'],
    ['scale-speed country', { kind: 'scale-speed', country: 'CN', factor: 2 }, 'country'],
    ['set-link-status', { kind: 'set-link-status', linkId: 'nowhere--else', status: 'operational' }, 'linkId'],
    ['build-corridor', { kind: 'build-corridor', corridorId: 'nstc' }, 'corridorId'],
    ['add-link from', { kind: 'add-link', from: 'nowhere', to: 'alpha', mode: 'road', lengthKm: 10, speedKmh: 40 }, 'from'],
    ['add-link to', { kind: 'add-link', from: 'alpha', to: 'nowhere', mode: 'road', lengthKm: 10, speedKmh: 40 }, 'to'],
  ];
  for (const [name, overlay, field] of unknowns) {
    it(`rejects an unknown id (${name}) naming the overlay index and field "${field}"`, () => {
      const ok = { kind: 'set-crossing-status', crossingId: 'bravo--charlie', status: 'restricted' };
      const d = invalid(() => applyOverlays(literalNetwork(), [ok, overlay]));
      assert.equal(d.overlayIndex, 1);
      assert.equal(d.field, field);
    });
  }

  const malformed: [string, unknown, string][] = [
    ['factor 0', { kind: 'scale-speed', linkId: 'alpha--bravo', factor: 0 }, 'factor'],
    ['factor negative', { kind: 'scale-speed', country: 'KZ', factor: -1 }, 'factor'],
    ['both linkId and country', { kind: 'scale-speed', linkId: 'alpha--bravo', country: 'KZ', factor: 2 }, 'linkId'],
    ['crossing status planned', { kind: 'set-crossing-status', crossingId: 'bravo--charlie', status: 'planned' }, 'status'],
    ['unknown kind', { kind: 'teleport' }, 'kind'],
    ['rail without gauge', { kind: 'add-link', from: 'alpha', to: 'bravo', mode: 'rail', lengthKm: 10, speedKmh: 40 }, 'gaugeMm'],
    ['dwell low > high', { kind: 'set-crossing-dwell', crossingId: 'bravo--charlie', hours: { low: 5, typical: 2, high: 3 } }, 'hours.typical'],
  ];
  for (const [name, overlay, field] of malformed) {
    it(`rejects a malformed overlay (${name}) naming field "${field}"`, () => {
      const d = invalid(() => applyOverlays(literalNetwork(), [overlay]));
      assert.equal(d.overlayIndex, 0);
      assert.equal(d.field, field);
    });
  }

  it('rejects scaling the speed of a ferry link', () => {
    const d = invalid(() => applyOverlays(literalNetwork(), [{ kind: 'scale-speed', linkId: 'alpha--golf', factor: 2 }]));
    assert.equal(d.field, 'linkId');
  });

  it('an empty overlay list gives an equal network and applies nothing', () => {
    const base = literalNetwork();
    const { network, applied } = applyOverlays(base, []);
    assert.deepEqual(applied, []);
    assert.deepEqual(network, base);
  });
});
