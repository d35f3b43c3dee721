/**
 * The source register at start-up: a broken register or a citation of an id
 * it does not hold stops loading with issues naming file, record and field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { issuesOf, rec, SMALL_FIXTURE, where } from './fixture-copy.js';

const REGISTER = 'sources.json';
const FIXTURE_SOURCE = 'test-fixture-network-small';

/** A second, valid register entry to break in the tests. */
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'tass-world-764933',
  address: 'https://tass.com/world/764933',
  addressForm: 'full',
  aliases: [],
  title: 'Railway line linking Kazakhstan and Turkmenistan to Iran opened',
  publisher: 'TASS',
  published: '2014-12-03',
  read: '2026-12-01',
  statements: ['The 928-kilometer (577-mile) route'],
  ...over,
});

describe('loadNetwork with the source register', () => {
  it('returns the register with the network', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    assert.deepEqual(net.sources.map((s) => s.id), [FIXTURE_SOURCE]);
  });

  it('names file, record and field of a citation whose id is not in the register, with suggestions', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'quetta--karachi').sources[0].source = 'test-fixture-network-smal';
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'sources.0.source']]);
    assert.match(issues[0]!.message, /unknown source "test-fixture-network-smal": not in data\/sources\.json; did you mean "test-fixture-network-small"\?/);
  });

  it('finds unknown ids in nested citation lists (dwell entries, status sources)', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const c = rec(f, 'crossings/af-pk.json', 'spin-boldak--chaman--rail');
        c.dwell[0].sources = [{ source: 'nowhere', statement: 'a statement' }];
        c.statusSources = [{ source: FIXTURE_SOURCE, statement: 'figure made up for tests' }, { source: 'nowhere-else', statement: 'a statement' }];
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/crossings/af-pk.json', 'spin-boldak--chaman--rail', 'dwell.0.sources.0.source'],
      ['data/crossings/af-pk.json', 'spin-boldak--chaman--rail', 'statusSources.1.source'],
    ]);
  });

  it('reports an inline citation with the way to convert it', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'quetta--karachi').sources[0] = { address: 'tass.com/world/764933', statement: 'The 928-kilometer route' };
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'sources.0']]);
    assert.match(issues[0]!.message, /inline citation "tass\.com\/world\/764933".*scripts\/migrate-sources\.ts/);
  });

  it('reports a duplicate register id once, at the second entry', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        f.get(REGISTER).push(entry(), entry({ address: 'https://tass.com/world/764934' }));
      },
    });
    assert.deepEqual(issues.map(where), [['data/sources.json', 'tass-world-764933', 'id']]);
    assert.match(issues[0]!.message, /duplicate source id \(also entry #1\)/);
  });

  it('reports one address registered under two ids, also when spelt differently', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        f.get(REGISTER).push(entry(), entry({ id: 'tass-again', address: 'https://www.tass.com/world/764933/' }));
      },
    });
    assert.deepEqual(issues.map(where), [['data/sources.json', 'tass-again', 'address']]);
    assert.match(issues[0]!.message, /already registered as source "tass-world-764933"/);
  });

  it('names the missing field of a register entry, and does not also report its citations as unknown', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        delete f.get(REGISTER)[0].address;
      },
    });
    assert.deepEqual(issues.map(where), [['data/sources.json', FIXTURE_SOURCE, 'address']]);
  });

  it('rejects a full address that is not a complete URL, a shortened one without "…", an unknown date without a reason', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        f.get(REGISTER).push(
          entry({ address: 'tass.com/world/764933' }),
          entry({ id: 'short', address: 'https://tass.com/world', addressForm: 'shortened' }),
          entry({ id: 'undated', address: 'https://tass.com/world/1', read: null }),
        );
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/sources.json', 'tass-world-764933', 'address'],
      ['data/sources.json', 'short', 'address'],
      ['data/sources.json', 'undated', 'readNote'],
    ]);
  });

  it('stops when the register is missing', async () => {
    const issues = await issuesOf({ raw: { [REGISTER]: null } });
    assert.deepEqual(issues.map(where)[0], ['data/sources.json', '(file)', '(file)']);
    assert.match(issues[0]!.message, /cannot read the source register: not found/);
  });

  it('keeps the id of hypothetical request links out of the register', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        f.get(REGISTER).push(entry({ id: 'request-overlay' }));
      },
    });
    assert.deepEqual(issues.map(where), [['data/sources.json', 'request-overlay', 'id']]);
  });
});
