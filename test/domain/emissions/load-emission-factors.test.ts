import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { InvalidDataError } from '../../../src/domain/errors.js';
import { loadEmissionFactors } from '../../../src/domain/emissions/load-emission-factors.js';

async function withFile(content: string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'ef-')), 'data');
  await mkdir(dir);
  await writeFile(path.join(dir, 'emission-factors.json'), content);
  // Citations are checked against the register beside the file.
  await writeFile(path.join(dir, 'sources.json'), await readFile('data/sources.json', 'utf8'));
  return dir;
}

describe('loadEmissionFactors', () => {
  it('loads the real file: one TTW scope, every leg kind mapped, the §6 DEFRA values', async () => {
    const f = await loadEmissionFactors('data');
    assert.equal(f.scope, 'TTW');
    const kg = (id: string) => f.factors.find((x) => x.id === id)?.kgCo2ePerTkm;
    assert.equal(kg(f.defaults['rail-diesel']), 0.03159);
    assert.equal(kg(f.defaults.ferry), 0.05136);
    assert.equal(kg(f.defaults.sea), 0.029703);
    assert.equal(kg('sea-deep-sea-container'), 0.01536);
    assert.equal(kg(f.defaults.road), 0.12631);
    for (const x of f.factors) {
      assert.ok(x.provenance.basis === 'sourced' || (x.provenance.method?.length ?? 0) > 10, `${x.id} needs a method`);
    }
  });

  it('names the file, record and field of a default pointing at a factor of the wrong mode', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    real.defaults.sea = 'road-hgv';
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.deepEqual(
        e.issues.map((i) => [i.file, i.record, i.field]),
        [['data/emission-factors.json', 'defaults', 'defaults.sea']],
      );
      return true;
    });
  });

  it('names the factor and field of a citation whose source id is not in the register', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    real.factors[1].sources[0].source = 'no-such-source';
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.deepEqual(
        e.issues.map((i) => [i.file, i.record, i.field]),
        [['data/emission-factors.json', real.factors[1].id, 'factors.1.sources.0.source']],
      );
      return true;
    });
  });

  it('reports a negative factor by record id and field', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    real.factors[0].kgCo2ePerTkm = -1;
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.equal(e.issues[0]?.record, real.factors[0].id);
      assert.equal(e.issues[0]?.field, 'factors.0.kgCo2ePerTkm');
      return true;
    });
  });

  it('reports bad JSON naming the file', async () => {
    const dir = await withFile('{ not json');
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => e instanceof InvalidDataError && e.issues[0]?.file === 'data/emission-factors.json');
  });
});
