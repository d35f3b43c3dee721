import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { InvalidDataError } from '../../../src/domain/errors.js';
import { loadScenarios } from '../../../src/domain/scenarios/load-scenarios.js';
import { literalNetwork } from './literal-network.js';

const good = {
  id: 'built',
  name: 'Corridor built',
  description: 'every proposed link of the test corridor built',
  overlays: [{ kind: 'build-corridor', corridorId: 'kz-tm-af-pk' }],
  sources: [{ source: 'test', statement: 'made up' }],
};

async function dataDir(files: Record<string, unknown>): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'scn-')), 'data');
  await mkdir(path.join(dir, 'scenarios'), { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    await writeFile(path.join(dir, 'scenarios', name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return dir;
}

async function issuesOf(dir: string): Promise<[string, string, string][]> {
  try {
    await loadScenarios(dir, literalNetwork());
  } catch (e) {
    assert.ok(e instanceof InvalidDataError, String(e));
    return e.issues.map((i) => [i.file, i.record, i.field]);
  }
  assert.fail('expected InvalidDataError');
}

describe('loadScenarios', () => {
  it('loads valid files in name order', async () => {
    const dir = await dataDir({ 'built.json': good, 'closed.json': { ...good, id: 'closed', overlays: [{ kind: 'set-crossing-status', crossingId: 'bravo--charlie', status: 'closed' }] } });
    const s = await loadScenarios(dir, literalNetwork());
    assert.deepEqual(s.map((x) => x.id), ['built', 'closed']);
  });

  it('gives no scenarios when the folder is missing', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'scn-')), 'data');
    assert.deepEqual(await loadScenarios(dir, literalNetwork()), []);
  });

  it('names file, record and overlay field for an unknown id, and reports every file', async () => {
    const dir = await dataDir({
      'built.json': { ...good, overlays: [good.overlays[0], { kind: 'set-link-status', linkId: 'nowhere--else', status: 'operational' }] },
      'broken.json': '{ nope',
      'misnamed.json': good,
      'short.json': { ...good, id: 'short', sources: [] },
    });
    assert.deepEqual(await issuesOf(dir), [
      ['data/scenarios/broken.json', '-', '-'],
      ['data/scenarios/built.json', 'built', 'overlays.1.linkId'],
      ['data/scenarios/misnamed.json', 'built', 'id'],
      ['data/scenarios/misnamed.json', 'built', 'id'],
      ['data/scenarios/short.json', 'short', 'sources'],
    ]);
  });

  it('reports overlays that leave the network breaking a data-set rule', async () => {
    const dir = await dataDir({
      'bad.json': {
        ...good,
        id: 'bad',
        overlays: [{ kind: 'add-link', from: 'foxtrot', to: 'echo', mode: 'rail', lengthKm: 230, gaugeMm: 1676, speedKmh: 80 }],
      },
    });
    assert.deepEqual(await issuesOf(dir), [['data/scenarios/bad.json', 'bad', 'overlays']]);
  });
});
