/**
 * A city's name answers as the city: it resolves to the city's main freight
 * place, a search for it lists every place of the city, and the data rules
 * keep that unambiguous (one main place per city, a name no other place uses).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlaceIndex } from '../../../src/domain/network/place-index.js';
import type { Place } from '../../../src/domain/network/schema.js';
import { issuesOf, rec, where } from './fixture-copy.js';

const p = (id: string, extra: Partial<Place> = {}): Place => ({
  id, name: id, aliases: [], country: 'PK', kind: 'station', lat: 0, lon: 0, coordinates: { basis: 'sourced' }, sources: [], ...extra,
});

describe('PlaceIndex and cities', () => {
  const index = new PlaceIndex([
    p('karachi-city', { name: 'Karachi City', city: 'Karachi' }),
    p('kiamari', { name: 'Kiamari', city: 'Karachi', cityMain: true }),
    p('port-qasim', { name: 'Port Qasim', city: 'Karachi' }),
    p('quetta', { name: 'Quetta' }),
  ]);

  it('the city name resolves to the main place, whatever order the places come in', () => {
    assert.equal(index.resolve('Karachi')?.id, 'kiamari');
    assert.equal(index.resolve('KARACHI')?.id, 'kiamari');
    assert.equal(index.resolve('Karachi City')?.id, 'karachi-city');
  });

  it('a search for the city lists all its places, and nothing else', () => {
    assert.deepEqual(index.search('karachi').map((x) => x.id).sort(), ['karachi-city', 'kiamari', 'port-qasim']);
  });

  it('a place name beats a city name of the same spelling', () => {
    const i = new PlaceIndex([p('x', { name: 'X', city: 'Quetta', cityMain: true }), p('quetta', { name: 'Quetta' })]);
    assert.equal(i.resolve('Quetta')?.id, 'quetta');
  });
});

describe('validateReferences: cities', () => {
  it('reports a city with two main places and one whose name another place already uses', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        Object.assign(rec(f, 'places/pk.json', 'quetta'), { city: 'Karachi', cityMain: true });
        Object.assign(rec(f, 'places/pk.json', 'chaman'), { city: 'Karachi', cityMain: true });
        Object.assign(rec(f, 'places/af.json', 'spin-boldak'), { city: 'Herat', cityMain: true });
      },
    });
    const cityIssues = issues.filter((i) => i.field === 'city');
    assert.deepEqual(cityIssues.map(where).sort(), [
      ['data/places/af.json', 'spin-boldak', 'city'],
      ['data/places/pk.json', 'quetta', 'city'],
    ]);
    assert.ok(cityIssues.some((i) => /needs exactly one place with cityMain .* found 2: quetta, chaman/.test(i.message)), JSON.stringify(issues));
    assert.ok(cityIssues.some((i) => /city "Herat" folds to "herat", already taken by place "herat"/.test(i.message)), JSON.stringify(issues));
  });

  it('reports cityMain without a city', async () => {
    const issues = await issuesOf({ edit: (f) => Object.assign(rec(f, 'places/pk.json', 'quetta'), { cityMain: true }) });
    assert.deepEqual(issues.map(where), [['data/places/pk.json', 'quetta', 'cityMain']]);
  });
});
