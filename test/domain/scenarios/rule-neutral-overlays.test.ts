/**
 * applyOverlays does not run the cross-record rules again after overlays that
 * only change statuses, dwell hours and speeds (RULE_NEUTRAL_KINDS): on the
 * real network, whatever list of those kinds is accepted, the result passes
 * validateReferences. An overlay that adds records is still checked.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import type { Network } from '../../../src/domain/network/schema.js';
import { validateReferences } from '../../../src/domain/network/validate-references.js';
import { applyOverlays } from '../../../src/domain/scenarios/apply-overlays.js';

describe('rule-neutral overlays on the real network', () => {
  let net: Network;
  before(async () => {
    net = await loadNetwork('data');
  });

  it('random lists of status, dwell and speed overlays leave a network that passes every cross-record rule', () => {
    const linkIds = net.links.map((l) => l.id);
    const crossingIds = net.crossings.map((c) => c.id);
    const corridorIds = net.corridors.map((c) => c.id);
    const countries = [...new Set(net.places.map((p) => p.country))];
    const hours = fc.tuple(fc.nat(400), fc.nat(400), fc.nat(400)).map(([a, b, c]) => {
      const [low, typical, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { low, typical, high };
    });
    const overlay = fc.oneof(
      fc.record({ kind: fc.constant('set-crossing-status'), crossingId: fc.constantFrom(...crossingIds), status: fc.constantFrom('open', 'restricted', 'closed', 'planned') }),
      fc.record({ kind: fc.constant('set-crossing-dwell'), crossingId: fc.constantFrom(...crossingIds), hours }),
      fc.record({ kind: fc.constant('scale-speed'), linkId: fc.constantFrom(...linkIds), factor: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
      fc.record({ kind: fc.constant('scale-speed'), country: fc.constantFrom(...countries), factor: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
      fc.record({ kind: fc.constant('set-link-status'), linkId: fc.constantFrom(...linkIds), status: fc.constantFrom('operational', 'planned', 'proposed', 'suspended', 'under-construction') }),
      fc.record({ kind: fc.constant('build-corridor'), corridorId: fc.constantFrom(...corridorIds) }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(overlay, { minLength: 1, maxLength: 8 }), (overlays) => {
        let result: Network;
        try {
          result = applyOverlays(net, overlays).network;
        } catch (err) {
          // Refused for its own reason (a ferry's speed, a link with no speed to scale), never for a rule.
          assert.ok(err instanceof DomainError && !('overlayIssues' in (err.details ?? {})), String(err));
          return;
        }
        accepted += 1;
        assert.deepEqual(validateReferences(result, () => 'scenario overlay'), []);
      }),
      { numRuns: 150 },
    );
    assert.ok(accepted > 50, `only ${accepted} of 150 overlay lists were accepted`);
  });

  it('an overlay that adds a record is still checked: a second rail link between the same places is refused', () => {
    const rail = net.links.find((l) => l.mode === 'rail' && l.gaugeMm !== undefined)!;
    assert.throws(
      () => applyOverlays(net, [{ kind: 'add-link', from: rail.from, to: rail.to, mode: 'rail', lengthKm: rail.lengthKm, gaugeMm: rail.gaugeMm, speedKmh: 60 }]),
      (err: unknown) => err instanceof DomainError && err.code === 'INVALID_CONSTRAINT' && /already joins/.test(err.message),
    );
  });
});
