/**
 * Loading calibration records: a broken record is reported with file, record
 * and field, and a lane that names no place or link is refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { InvalidDataError } from '../../src/domain/errors.js';
import { loadCalibration } from '../../src/domain/calibration/load-calibration.js';
import { network, place, rail } from '../domain/routing/build-network.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'calib-'));
  dirs.push(root);
  const dir = path.join(root, 'calibration');
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

const net = network([place('a', 'KZ'), place('b', 'KZ')], [rail('a--b', 'a', 'b', 100, 1520)]);
const good = {
  id: 'a-b-test',
  service: 'a test train',
  lane: { from: 'a', to: 'b' },
  figure: { stated: '2 days', low: 2, high: 2, unit: 'days' },
  kind: 'schedule',
  band: 'low-high',
  asOf: '2024',
  sources: [{ source: 'test', statement: 'made up for a test' }],
};

async function issues(dir: string): Promise<string[]> {
  try {
    await loadCalibration(dir, net);
  } catch (e) {
    assert.ok(e instanceof InvalidDataError, String(e));
    return e.issues.map((i) => `${i.file} | ${i.record} | ${i.field} | ${i.message}`);
  }
  return [];
}

describe('loadCalibration', () => {
  it('reads a valid record with its defaults', async () => {
    const [r] = await loadCalibration(folder({ 'x.json': [good] }), net);
    assert.equal(r!.scope, 'route');
    assert.deepEqual(r!.lane.via, []);
  });

  it('names file, record and field of each problem', async () => {
    const found = await issues(
      folder({
        'x.json': [
          { ...good, id: 'bad-kind', kind: 'rumour' },
          { ...good, id: 'claim-checked', kind: 'claim', band: 'low-high' },
          { ...good, id: 'unknown-place', lane: { from: 'a', to: 'nowhere' } },
          { ...good, id: 'unknown-link', lane: { from: 'a', to: 'b', avoidLinks: ['a--z'] } },
          { ...good, id: 'typo', fgure: 1 },
          { ...good, id: 'upside-down', figure: { stated: '3–2 h', low: 3, high: 2, unit: 'h' } },
        ],
        'y.json': '{ not json',
      }),
    );
    const has = (re: RegExp) => assert.ok(found.some((l) => re.test(l)), `no issue like ${re} in\n${found.join('\n')}`);
    has(/calibration\/x\.json \| bad-kind \| kind \|/);
    has(/x\.json \| claim-checked \| band \| a claim is recorded, not checked/);
    has(/x\.json \| unknown-place \| lane\.to \| no place with id "nowhere"/);
    has(/x\.json \| unknown-link \| lane\.avoidLinks\.0 \| no link with id "a--z"/);
    has(/x\.json \| typo \| fgure \| unknown field/);
    has(/x\.json \| upside-down \| figure\.high \| low <= high/);
    has(/calibration\/y\.json \| \(file\) \| \(file\) \| not valid JSON/);
  });

  it('refuses a duplicate id', async () => {
    const found = await issues(folder({ 'x.json': [good], 'z.json': [good] }));
    assert.ok(found.some((l) => /z\.json \| a-b-test \| id \| duplicate/.test(l)), found.join('\n'));
  });
});
