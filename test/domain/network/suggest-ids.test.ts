/** "Did you mean" for ids typed into a URL. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestIds } from '../../../src/domain/network/suggest-ids.js';

const IDS = ['mary--saraghs', 'mary--serhetabat', 'turkmenbashi--mary', 'saraghs--sarakhs', 'nstc', 'eco-iti'];

describe('suggestIds', () => {
  it('suggests ids within a few edits, nearest first', () => {
    assert.deepEqual(suggestIds('mary--saragh', IDS), ['mary--saraghs']);
    assert.deepEqual(suggestIds('nstv', IDS), ['nstc']);
  });

  it('folds what was typed to a slug before comparing', () => {
    assert.deepEqual(suggestIds('Mary Saraghs', IDS), ['mary--saraghs']);
    assert.deepEqual(suggestIds('ECO ITI', IDS), ['eco-iti']);
  });

  it('then suggests ids containing what was typed, by id', () => {
    assert.deepEqual(suggestIds('mary', IDS), ['mary--saraghs', 'mary--serhetabat', 'turkmenbashi--mary']);
  });

  it('suggests nothing for something unlike every id, an empty query or a zero limit', () => {
    assert.deepEqual(suggestIds('karachi', IDS), []);
    assert.deepEqual(suggestIds('  ', IDS), []);
    assert.deepEqual(suggestIds('mary', IDS, 0), []);
  });

  it('keeps to the limit', () => {
    assert.deepEqual(suggestIds('mary', IDS, 2), ['mary--saraghs', 'mary--serhetabat']);
  });
});
