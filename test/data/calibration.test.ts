/**
 * The calibration services on the real data set: every published service falls
 * where its kind says in the model's band, unless its record carries an
 * exception with the reason; and docs/calibration.md is the generated table.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluateAll, type CalibrationResult } from '../../src/domain/calibration/evaluate.js';
import { loadCalibration } from '../../src/domain/calibration/load-calibration.js';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { prepareNetwork } from '../../src/domain/routing/prepare.js';
import { calibrationDocument } from '../../scripts/calibrate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = path.join(ROOT, 'data');

let results: CalibrationResult[];
before(async () => {
  const net = await loadNetwork(DATA);
  results = evaluateAll(prepareNetwork(net), await loadCalibration(path.join(DATA, 'calibration'), net));
});

describe('calibration against published services', () => {
  it('holds at least 25 services, checked ones of every checked kind, and across the corridor countries and the sea', () => {
    assert.ok(results.length >= 25, `${results.length} services`);
    for (const kind of ['schedule', 'express', 'observed'] as const) {
      assert.ok(results.some((r) => r.record.kind === kind), `no ${kind} service`);
    }
    const lanes = new Set(results.flatMap((r) => r.places ?? []));
    for (const p of ['altynkol', 'tashkent', 'serhetyaka', 'bandar-abbas', 'quetta', 'alat-port', 'poti', 'kars', 'nhava-sheva', 'hairatan']) {
      assert.ok(lanes.has(p), `no service passes ${p}`);
    }
  });

  it('every service is inside its band, excepted with a recorded reason, or a claim', () => {
    const bad = results
      .filter((r) => r.verdict === 'outside' || r.verdict === 'no-route')
      .map((r) => `${r.record.id}: published ${r.publishedHours.toFixed(1)} h, model ${r.model ? `${r.model.low.toFixed(1)} / ${r.model.typical.toFixed(1)} / ${r.model.high.toFixed(1)} h` : '–'}: ${r.reason}`);
    assert.deepEqual(bad, []);
  });

  it('an exception is used only by a service that is really outside its band', () => {
    // A stale exception would hide nothing today and everything tomorrow: each must still be needed.
    for (const r of results.filter((x) => x.record.exception)) {
      assert.equal(r.verdict, 'excepted', `${r.record.id} has an exception but is ${r.verdict}`);
    }
  });

  it('the band test can fail: a figure far outside is "outside" (the check is not vacuous)', async () => {
    const net = await loadNetwork(DATA);
    const [rec] = await loadCalibration(path.join(DATA, 'calibration'), net);
    const p = prepareNetwork(net);
    const tooFast = { ...rec!, figure: { ...rec!.figure, low: 0.01, high: 0.01, unit: 'h' as const }, band: 'low-high' as const };
    assert.equal(evaluateAll(p, [tooFast])[0]!.verdict, 'outside');
    const tooSlow = { ...rec!, figure: { ...rec!.figure, low: 400, high: 400, unit: 'days' as const }, band: 'low-typical' as const };
    assert.equal(evaluateAll(p, [tooSlow])[0]!.verdict, 'outside');
  });

  it('the real parameters state terminal time and sea waiting (optional only for small test networks)', async () => {
    const { parameters } = await loadNetwork(DATA);
    assert.ok(parameters.terminal, 'data/parameters.json: no terminal');
    assert.ok(parameters.seaWaitHours, 'data/parameters.json: no seaWaitHours');
    for (const r of [parameters.terminal.originHours, parameters.terminal.destinationHours, parameters.seaWaitHours, ...parameters.terminal.yards.map((y) => y.hours)]) {
      assert.ok(r.provenance.basis === 'sourced' || (r.provenance.method ?? '').length > 20, 'every figure states its source or method');
    }
  });

  it('docs/calibration.md is the table as generated (run `npm run calibrate`)', async () => {
    assert.equal(readFileSync(path.join(ROOT, 'docs', 'calibration.md'), 'utf8'), await calibrationDocument(DATA));
  });
});
