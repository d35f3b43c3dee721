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
  it('loads the real file: every leg kind mapped to a factor with TTW and WTT parts, the stated values, a grid figure for KZ and UZ', async () => {
    const f = await loadEmissionFactors('data');
    assert.match(f.method, /ISO 14083/);
    const byId = (id: string) => f.factors.find((x) => x.id === id)!;
    const diesel = byId(f.defaults['rail-diesel']);
    assert.deepEqual([diesel.ttwKgCo2ePerTkm, diesel.wttKgCo2ePerTkm], [0.03159, 0.00691]);
    const electric = byId(f.defaults['rail-electric']);
    assert.deepEqual([electric.ttwKgCo2ePerTkm, electric.energyKwhPerTkm], [0, 0.0322]);
    const ferry = byId(f.defaults.ferry);
    assert.deepEqual([ferry.ttwKgCo2ePerTkm, ferry.wttKgCo2ePerTkm], [0.1664, 0.0289]);
    assert.equal(byId(f.defaults.sea).ttwKgCo2ePerTkm, 0.029703);
    assert.equal(byId(f.defaults.road).ttwKgCo2ePerTkm, 0.12631);
    const grid = new Map(f.grid.map((g) => [g.country, g.gCo2ePerKwh]));
    assert.equal(grid.get('KZ'), 641.102);
    assert.equal(grid.get('UZ'), 505.405);
    for (const g of f.grid) assert.ok(g.gCo2ePerKwh > 0 && g.sources.length > 0, g.country);
    for (const x of f.factors) {
      assert.ok(x.provenance.basis === 'sourced' || (x.provenance.method?.length ?? 0) > 10, `${x.id} needs a method`);
    }
  });

  it('refuses a default without a WTT part (no WTW figure possible), naming the default', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    real.defaults.ferry = 'ferry-ro-ro-defra';
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.deepEqual(
        e.issues.map((i) => [i.file, i.record, i.field]),
        [['data/emission-factors.json', 'defaults', 'defaults.ferry']],
      );
      return true;
    });
  });

  it('names the country of a second grid figure and of a bad grid value', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    real.grid.push({ ...real.grid[0] });
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => e instanceof InvalidDataError && e.issues[0]?.record === "KZ" && /grid\.\d+\.country/.test(e.issues[0]?.field ?? ""));
    const bad = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    bad.grid[1].gCo2ePerKwh = -3;
    const dir2 = await withFile(JSON.stringify(bad));
    await assert.rejects(
      loadEmissionFactors(dir2),
      (e: unknown) => e instanceof InvalidDataError && e.issues[0]?.record === bad.grid[1].country && e.issues[0]?.field === 'grid.1.gCo2ePerKwh',
    );
  });

  it('refuses an electric factor with a fixed WTT instead of an energy use', async () => {
    const real = JSON.parse(await readFile('data/emission-factors.json', 'utf8'));
    const i = real.factors.findIndex((x: { id: string }) => x.id === 'rail-electric');
    real.factors[i].wttKgCo2ePerTkm = 0.01;
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => e instanceof InvalidDataError && e.issues[0]?.record === 'rail-electric');
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
    real.factors[0].ttwKgCo2ePerTkm = -1;
    const dir = await withFile(JSON.stringify(real));
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.equal(e.issues[0]?.record, real.factors[0].id);
      assert.equal(e.issues[0]?.field, 'factors.0.ttwKgCo2ePerTkm');
      return true;
    });
  });

  it('reports bad JSON naming the file', async () => {
    const dir = await withFile('{ not json');
    await assert.rejects(loadEmissionFactors(dir), (e: unknown) => e instanceof InvalidDataError && e.issues[0]?.file === 'data/emission-factors.json');
  });
});
