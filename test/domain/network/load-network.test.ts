import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidDataError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { issuesOf, rec, SMALL_FIXTURE, where } from './fixture-copy.js';

describe('loadNetwork on the small fixture', () => {
  it('loads every record', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    assert.equal(net.places.length, 15);
    assert.equal(net.links.length, 19);
    assert.equal(net.crossings.length, 5);
    assert.equal(net.corridors.length, 4);
    assert.equal(net.parameters.speedRules.length, 6);
    assert.equal(net.parameters.dataVersion, 'fixture-1');
  });

  it('reads files in name order and keeps record order inside a file', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    // places/af.json < az.json < ir.json < pk.json < tm.json
    assert.deepEqual(
      net.places.map((p) => p.id),
      ['torghundi', 'herat', 'spin-boldak', 'alat-port', 'sarakhs', 'zahedan', 'bandar-abbas', 'taftan', 'quetta', 'chaman', 'karachi', 'turkmenbashi', 'mary', 'serhetabat', 'saraghs'],
    );
  });

  it('returns parsed records with zod defaults applied', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    const sea = net.links.find((l) => l.id === 'bandar-abbas--karachi');
    assert.equal(sea?.lengthKm, 1111.2);
    assert.deepEqual(sea?.corridors, []); // absent in the file, defaulted by the schema
    assert.equal(net.places.find((p) => p.id === 'karachi')?.unlocode, 'PKKHI');
  });
});

describe('loadNetwork shape problems', () => {
  it('names file, record and nested field path of a zod problem', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'quetta--karachi').lengthKm = -5;
        rec(f, 'crossings/tm.json', 'saraghs--sarakhs').dwell[0].hours.low = -1;
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/links/pk.json', 'quetta--karachi', 'lengthKm'],
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'dwell.0.hours.low'],
    ]);
  });

  it('labels a record without an id by its position', async () => {
    const issues = await issuesOf({ edit: (f) => f.get('corridors.json').push({ name: 'No id' }) });
    assert.deepEqual([...new Set(issues.map((i) => `${i.file} ${i.record}`))], ['data/corridors.json #4']);
    assert.ok(issues.some((i) => i.field === 'id'));
  });

  it('reports an unknown (misspelt) field', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'taftan--quetta').speedKmH = { low: 1, typical: 2, high: 3 };
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'taftan--quetta', 'speedKmH']]);
  });

  it('reports invalid JSON, a file that is not an array, and a missing file, naming each file', async () => {
    const issues = await issuesOf({
      raw: { 'links/sea.json': '[ { "id": ', 'crossings/ir-pk.json': '{}', 'corridors.json': null },
    });
    const files = issues.filter((i) => i.record === '(file)').map((i) => i.file);
    assert.deepEqual(files.sort(), ['data/corridors.json', 'data/crossings/ir-pk.json', 'data/links/sea.json']);
    const missing = issues.find((i) => i.file === 'data/corridors.json');
    assert.match(missing?.message ?? '', /not found/);
    assert.ok(!(missing?.message ?? '').includes('/'), 'no absolute path in the message');
  });

  it('reports a missing folder', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        for (const k of [...f.keys()]) if (k.startsWith('crossings/')) f.delete(k);
      },
      raw: { 'crossings/tm.json': null, 'crossings/af-pk.json': null, 'crossings/ir-pk.json': null },
    });
    assert.ok(issues.some((i) => i.file === 'data/crossings' && i.message === 'the folder holds no .json file'));
  });

  it('does not report references to a record that failed its shape check as unknown', async () => {
    const issues = await issuesOf({ edit: (f) => delete rec(f, 'places/pk.json', 'quetta').coordinates });
    assert.deepEqual(issues.map(where), [['data/places/pk.json', 'quetta', 'coordinates']]);
  });

  it('throws InvalidDataError whose message lists every issue', async () => {
    await assert.rejects(loadNetwork('/nonexistent/data'), (e: unknown) => {
      assert.ok(e instanceof InvalidDataError);
      assert.equal(e.code, 'INVALID_DATA');
      // places, links, crossings folders + corridors.json + parameters.json + sources.json
      assert.equal(e.issues.length, 6);
      assert.match(e.message, /data\/places: record "\(file\)"/);
      return true;
    });
  });
});
