/**
 * Property: whatever list of overlays is applied (valid or not, succeeding or
 * throwing), the base network is left exactly as it was.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { applyOverlays } from '../../../src/domain/scenarios/apply-overlays.js';
import { literalNetwork } from './literal-network.js';

const base = literalNetwork();
const linkIds = [...base.links.map((l) => l.id), 'nowhere--else'];
const crossingIds = [...base.crossings.map((c) => c.id), 'nowhere--else'];
const placeIds = [...base.places.map((p) => p.id), 'nowhere'];
const hoursArb = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).map(([a, b, c]) => {
  const [low, typical, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { low, typical, high };
});

const overlayArb = fc.oneof(
  fc.record({ kind: fc.constant('set-crossing-status'), crossingId: fc.constantFrom(...crossingIds), status: fc.constantFrom('open', 'restricted', 'closed') }),
  fc.record({ kind: fc.constant('set-crossing-dwell'), crossingId: fc.constantFrom(...crossingIds), hours: hoursArb }),
  fc.record({ kind: fc.constant('scale-speed'), linkId: fc.constantFrom(...linkIds), factor: fc.double({ min: -1, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('scale-speed'), country: fc.constantFrom('KZ', 'TM', 'AF', 'PK', 'CN'), factor: fc.double({ min: 0.1, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('set-link-status'), linkId: fc.constantFrom(...linkIds), status: fc.constantFrom('operational', 'planned', 'proposed', 'suspended', 'under-construction') }),
  fc.record({ kind: fc.constant('build-corridor'), corridorId: fc.constantFrom('kz-tm-af-pk', 'uap') }),
  fc.record({
    kind: fc.constant('add-link'),
    from: fc.constantFrom(...placeIds),
    to: fc.constantFrom(...placeIds),
    mode: fc.constantFrom('rail', 'road'),
    lengthKm: fc.integer({ min: 1, max: 3000 }),
    gaugeMm: fc.constantFrom(1520, 1676),
    speedKmh: fc.integer({ min: 10, max: 120 }),
    crossing: fc.option(fc.record({ dwellHours: hoursArb }), { nil: undefined }),
  }).map((o) => (o.mode === 'road' ? { ...o, gaugeMm: undefined } : o)),
);

it('random overlay lists never change the base network', () => {
  const snapshot = structuredClone(base);
  let succeeded = 0;
  fc.assert(
    fc.property(fc.array(overlayArb, { maxLength: 6 }), (overlays) => {
      try {
        applyOverlays(base, overlays);
        succeeded += 1;
      } catch {
        // Rejected overlays must leave the base alone too.
      }
      assert.deepStrictEqual(base, snapshot);
    }),
    { numRuns: 300 },
  );
  // Guard against a generator that only ever produces rejected lists.
  assert.ok(succeeded > 0, 'no overlay list was accepted');
});
