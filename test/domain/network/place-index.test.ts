import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DomainError } from '../../../src/domain/errors.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import fc from 'fast-check';
import { greatCircleKm } from '../../../src/domain/network/geo.js';
import { COORDINATE_SNAP_KM, levenshtein, parseCoordinates, PlaceIndex } from '../../../src/domain/network/place-index.js';
import type { Place } from '../../../src/domain/network/schema.js';
import { SMALL_FIXTURE } from './fixture-copy.js';

let index: PlaceIndex;
let allPlaces: readonly Place[];
before(async () => {
  allPlaces = (await loadNetwork(SMALL_FIXTURE)).places;
  index = new PlaceIndex(allPlaces);
});

const idOf = (ref: string): string | undefined => index.resolve(ref)?.id;

describe('PlaceIndex.resolve', () => {
  it('finds by id and by name in any case', () => {
    assert.equal(idOf('bandar-abbas'), 'bandar-abbas');
    assert.equal(idOf('Bandar Abbas'), 'bandar-abbas');
    assert.equal(idOf('SPIN-BOLDAK'), 'spin-boldak');
    assert.equal(idOf('spin boldak'), 'spin-boldak');
  });

  it('finds by alias with or without diacritics', () => {
    assert.equal(idOf('Türkmenbaşy'), 'turkmenbashi');
    assert.equal(idOf('turkmenbasy'), 'turkmenbashi');
    assert.equal(idOf('TÜRKMENBAŞI'), 'turkmenbashi');
    assert.equal(idOf('Karāchī'), 'karachi');
    assert.equal(idOf('kiamari'), 'karachi');
    assert.equal(idOf('Bandar-e Abbas'), 'bandar-abbas');
    assert.equal(idOf('Port of Baku (Alat)'), 'alat-port');
    assert.equal(idOf('alat'), 'alat-port');
  });

  it('finds by UN/LOCODE, written with or without the space', () => {
    assert.equal(idOf('PKKHI'), 'karachi');
    assert.equal(idOf('pkkhi'), 'karachi');
    assert.equal(idOf('PK KHI'), 'karachi');
    assert.equal(idOf('IRBND'), 'bandar-abbas');
  });

  it('returns undefined for no match', () => {
    assert.equal(index.resolve('Karachy'), undefined);
    assert.equal(index.resolve(''), undefined);
    assert.equal(index.get('Karachi'), undefined); // get() is by exact id only
    assert.equal(index.get('karachi')?.name, 'Karachi');
  });
});

describe('PlaceIndex.suggest', () => {
  it('suggests Karachi for "Karachy" (one edit away), not Sarakhs or Saraghs (three edits)', () => {
    assert.deepEqual(
      index.suggest('Karachy').map((p) => p.id),
      ['karachi'],
    );
  });

  it('orders by edit distance: "Sarahks" is 2 edits from Sarakhs and Saraghs, ties by name', () => {
    // sarahks→sarakhs: swap h,k = 2 edits; sarahks→saraghs: h→g, k→h = 2 edits.
    assert.deepEqual(
      index.suggest('Sarahks').map((p) => p.id),
      ['saraghs', 'sarakhs'],
    );
  });

  it('puts the closer place first, before name order', () => {
    // "sarakh" → sarakhs: 1 insertion; → saraghs: k→g and 1 insertion = 2.
    assert.deepEqual(index.suggest('Sarakh').map((p) => p.id), ['sarakhs', 'saraghs']);
    // "quetaa" is 1 edit from quetta; the limit for 6 letters is 2 edits.
    assert.deepEqual(index.suggest('quetaa').map((p) => p.id), ['quetta']);
    // "marat" is 2 edits from both herat and mary; the limit for 5 letters is 1.
    assert.deepEqual(index.suggest('marat'), []);
  });

  it('suggests nothing for a string far from every name, and respects the limit', () => {
    assert.deepEqual(index.suggest('xxxxxxxxxxxx'), []);
    assert.deepEqual(index.suggest('Sarahks', 1).map((p) => p.id), ['saraghs']);
  });
});

describe('PlaceIndex.resolveOrThrow', () => {
  it('returns the place when it resolves', () => {
    assert.equal(index.resolveOrThrow('Kiamari', 'from').id, 'karachi');
  });

  it('throws UNKNOWN_PLACE with field, value and suggestions', () => {
    assert.throws(
      () => index.resolveOrThrow('Karachy', 'to'),
      (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, 'UNKNOWN_PLACE');
        assert.deepEqual(e.details, { field: 'to', value: 'Karachy', suggestions: [{ id: 'karachi', name: 'Karachi' }] });
        assert.match(e.message, /"Karachy"/);
        return true;
      },
    );
  });
});

describe('PlaceIndex.search', () => {
  it('orders exact, then prefix, then substring matches (ties by name)', () => {
    // "ba": prefix of "bandar abbas" and "baku international …"; inside "serhetabat" and "turkmenbashi".
    assert.deepEqual(
      index.search('ba').map((p) => p.id),
      ['bandar-abbas', 'alat-port', 'serhetabat', 'turkmenbashi'],
    );
  });

  it('puts an exact match before prefix matches', () => {
    // "saragt" is Saraghs' alias (exact); nothing else starts with it.
    assert.deepEqual(index.search('Saragt').map((p) => p.id), ['saraghs']);
    assert.deepEqual(index.search('sara').map((p) => p.id), ['saraghs', 'sarakhs']);
  });

  it('folds the query and matches UN/LOCODEs', () => {
    assert.deepEqual(index.search('KHI').map((p) => p.id), ['karachi']);
    assert.deepEqual(index.search('Herāt').map((p) => p.id), ['herat']);
    assert.deepEqual(index.search('  '), []);
  });
});

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('', 'abc'), 3);
    assert.equal(levenshtein('karachy', 'karachi'), 1);
    assert.equal(levenshtein('same', 'same'), 0);
  });

  it('stops early above the cap', () => {
    assert.equal(levenshtein('aaaaaaaa', 'bbbbbbbb', 2), 3);
  });
});

describe('PlaceIndex coordinates', () => {
  it('parses "lat,lon" in decimal degrees, with spaces and signs, and nothing else', () => {
    assert.deepEqual(parseCoordinates('24.8,67.0'), { lat: 24.8, lon: 67 });
    assert.deepEqual(parseCoordinates(' -33.5 , +151 '), { lat: -33.5, lon: 151 });
    for (const bad of ['24.8', '24.8,67.0,1', 'Karachi', '91,10', '10,181', '1e2,3', '24,8;67', '']) assert.equal(parseCoordinates(bad), undefined, bad);
  });

  it('resolves coordinates to the nearest place within the snap distance, never to a junction', () => {
    assert.equal(idOf('24.8,67.0'), 'karachi');
    assert.equal(idOf('34.35,62.2'), 'herat');
    // Quetta (30.19, 67.01) and Mary (37.6, 61.83) are junctions: Quetta's point is nearest Chaman (about 100 km: too far), Mary's to nothing.
    assert.equal(idOf('30.19,67.01'), undefined);
    assert.equal(index.coordinateMatch('30.19,67.01')?.place.id, 'chaman');
    assert.equal(idOf('37.6,61.83'), undefined);
    assert.equal(index.coordinateMatch('Karachi'), undefined);
  });

  it('the match is the brute-force nearest non-junction place, at its great-circle distance', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 45, noNaN: true }), fc.double({ min: 45, max: 75, noNaN: true }), (lat, lon) => {
        const m = index.coordinateMatch(`${lat.toFixed(4)},${lon.toFixed(4)}`)!;
        const la = Number(lat.toFixed(4));
        const lo = Number(lon.toFixed(4));
        let best = Infinity;
        for (const p of allPlaces) if (p.kind !== 'junction') best = Math.min(best, greatCircleKm(la, lo, p.lat, p.lon));
        assert.ok(Math.abs(m.distanceKm - best) < 1e-9);
        assert.notEqual(m.place.kind, 'junction');
        assert.equal(idOf(`${lat.toFixed(4)},${lon.toFixed(4)}`), best <= COORDINATE_SNAP_KM ? m.place.id : undefined);
      }),
    );
  });

  it('a point too far from every place is UNKNOWN_PLACE naming the nearest and its distance', () => {
    assert.throws(
      () => index.resolveOrThrow('37.6,61.83', 'from'),
      (err: unknown) =>
        err instanceof DomainError &&
        err.code === 'UNKNOWN_PLACE' &&
        /nearest is "Saraghs" \(saraghs\)/.test(err.message) &&
        (err.details.suggestions as { id: string }[])[0]!.id === 'saraghs',
    );
  });
});
