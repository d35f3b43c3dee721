/**
 * Expected openings in the data files: a malformed or misplaced one stops
 * loading with the file, the record and the field, on a broken copy of the
 * small fixture.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuesOf, rec, where } from './fixture-copy.js';

const CITE = [{ source: 'test-fixture-network-small', statement: 'fixture record' }];
const opening = (over: Record<string, unknown> = {}) => ({ date: '2027-06', confidence: 'announced', provenance: { basis: 'sourced' }, sources: CITE, ...over });

describe('expectedOpening in the data files', () => {
  it('a month outside 01–12 names the file, record and field', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'links/af.json', 'torghundi--herat').expectedOpening = opening({ date: '2027-13' })) });
    assert.deepEqual(issues.map(where), [['data/links/af.json', 'torghundi--herat', 'expectedOpening.date']]);
    assert.match(issues[0]!.message, /YYYY-MM/);
  });

  it('a day-precision or free-text date is rejected', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/af.json', 'torghundi--herat').expectedOpening = opening({ date: '2027-06-01' });
        rec(f, 'links/af.json', 'herat--spin-boldak').expectedOpening = opening({ date: 'soon' });
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/links/af.json', 'torghundi--herat', 'expectedOpening.date'],
      ['data/links/af.json', 'herat--spin-boldak', 'expectedOpening.date'],
    ]);
  });

  it('an unknown confidence and a missing source are named', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/af.json', 'torghundi--herat').expectedOpening = opening({ confidence: 'likely' });
        rec(f, 'crossings/af-pk.json', 'spin-boldak--chaman--rail').expectedOpening = opening({ sources: [] });
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/links/af.json', 'torghundi--herat', 'expectedOpening.confidence'],
      ['data/crossings/af-pk.json', 'spin-boldak--chaman--rail', 'expectedOpening.sources'],
    ]);
  });

  it('an estimated date must be speculative and state its method', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/af.json', 'torghundi--herat').expectedOpening = opening({ provenance: { basis: 'estimate', method: 'five years from the agreement' } });
        rec(f, 'links/af.json', 'herat--spin-boldak').expectedOpening = opening({ confidence: 'speculative', provenance: { basis: 'estimate' } });
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/links/af.json', 'torghundi--herat', 'expectedOpening.confidence'],
      ['data/links/af.json', 'herat--spin-boldak', 'expectedOpening.provenance.method'],
    ]);
  });

  it('an operational link or an open crossing cannot carry one', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'quetta--karachi').expectedOpening = opening();
        rec(f, 'crossings/tm.json', 'saraghs--sarakhs').expectedOpening = opening();
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/links/pk.json', 'quetta--karachi', 'expectedOpening'],
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'expectedOpening'],
    ]);
  });

  it('an unknown source id in it is named with its path', async () => {
    const issues = await issuesOf({
      edit: (f) => (rec(f, 'links/af.json', 'torghundi--herat').expectedOpening = opening({ sources: [{ source: 'no-such-source', statement: 'x y z' }] })),
    });
    assert.deepEqual(issues.map(where), [['data/links/af.json', 'torghundi--herat', 'expectedOpening.sources.0.source']]);
  });
});
