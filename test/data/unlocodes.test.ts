/**
 * UN/LOCODEs of the real data set: every code is stated by a cited source,
 * names its own country, belongs to one place only and answers a place lookup;
 * a code taken from a UNECE code-list row quotes the row, and the row has an
 * approved or recognised status (not a request under consideration, RQ, a
 * rejected request, RR, an unverified entry, QQ, or one to be removed, XX).
 * The known-answer table pins codes added for inland rail places, which a
 * city-only list would miss.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadNetwork } from '../../src/domain/network/load-network.js';
import { PlaceIndex } from '../../src/domain/network/place-index.js';
import type { Network, Place } from '../../src/domain/network/schema.js';

/** Status indicators of the UN/LOCODE manual that mean the entry is approved or its location recognised. */
const ACCEPTED_STATUS = new Set(['AA', 'AC', 'AF', 'AI', 'AM', 'AS', 'RL']);

/** A quoted code-list row: Change, Country, Location, Name, NameWoDiacritics, Subdivision, Status, Function, … */
const ROW = /row "([^"]*)"/;

let net: Network;
let places: PlaceIndex;
let coded: Place[];

before(async () => {
  net = await loadNetwork('data');
  places = new PlaceIndex(net.places);
  coded = net.places.filter((p) => p.unlocode !== undefined);
});

const KNOWN: ReadonlyArray<readonly [string, string]> = [
  ['UZTAS', 'tashkent'],
  ['UZTER', 'termez'],
  ['UZQUN', 'kungrad'],
  ['TMAGT', 'ashgabat'],
  ['TMTK5', 'turkmenabat'],
  ['TMFAR', 'farap'],
  ['KZDOS', 'dostyk'],
  ['KZAGY', 'aktogay'],
  ['KZALA', 'almaty'],
  ['PKUET', 'quetta'],
  ['PKROH', 'rohri'],
  ['PKCMN', 'chaman'],
  ['PKKYC', 'karachi-city'],
  ['TRKPY', 'kapikoy'],
  ['TRIST', 'istanbul'],
  ['RUASF', 'astrakhan'],
  ['RUOYA', 'olya'],
  ['AFTGH', 'torghundi'],
  ['IRASR', 'astara-ir'],
  ['GEGAR', 'gardabani'],
];

describe('UN/LOCODEs of the places', () => {
  it('cover the gateways of every country in the data set', () => {
    assert.ok(coded.length >= 120, `expected at least 120 coded places, found ${coded.length}`);
    for (const country of ['AF', 'AZ', 'CN', 'GE', 'IN', 'IR', 'KZ', 'PK', 'RU', 'TM', 'TR', 'UZ']) {
      assert.ok(coded.some((p) => p.country === country), `${country}: no place has a UN/LOCODE`);
    }
  });

  for (const [code, id] of KNOWN) {
    it(`${code} is ${id} and resolves to it, with or without the space`, () => {
      assert.equal(net.places.find((p) => p.id === id)?.unlocode, code);
      assert.equal(places.resolve(code)?.id, id);
      assert.equal(places.resolve(`${code.slice(0, 2)} ${code.slice(2)}`)?.id, id);
    });
  }

  it('each code starts with its place’s country and belongs to one place only', () => {
    const owner = new Map<string, string>();
    for (const p of coded) {
      assert.equal(p.unlocode!.slice(0, 2), p.country, `${p.id}: ${p.unlocode} names another country`);
      assert.equal(owner.get(p.unlocode!), undefined, `${p.unlocode} is held by ${owner.get(p.unlocode!)} and ${p.id}`);
      owner.set(p.unlocode!, p.id);
    }
  });

  it('each code is stated by one of the place’s sources', () => {
    for (const p of coded) {
      const spaced = `${p.unlocode!.slice(0, 2)} ${p.unlocode!.slice(2)}`;
      assert.ok(
        p.sources.some((s) => s.statement.includes(p.unlocode!) || s.statement.includes(spaced)),
        `${p.id}: no source states ${p.unlocode}`,
      );
    }
  });

  it('a code cited to a code-list row quotes the row of that code, with an approved or recognised status', () => {
    let rows = 0;
    for (const p of coded) {
      for (const s of p.sources) {
        const m = ROW.exec(s.statement);
        if (m === null || !s.statement.startsWith(`UN/LOCODE ${p.unlocode}:`)) continue;
        rows++;
        const cols = m[1]!.split(',');
        assert.equal(`${cols[1]}${cols[2]}`, p.unlocode, `${p.id}: the quoted row is for ${cols[1]}${cols[2]}`);
        assert.ok(ACCEPTED_STATUS.has(cols[6]!), `${p.id}: status ${cols[6]} is not an approved or recognised entry`);
      }
    }
    assert.ok(rows >= 70, `expected at least 70 places citing a code-list row, found ${rows}`);
  });
});
