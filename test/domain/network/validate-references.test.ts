/**
 * One broken copy of the small fixture per data rule; each test pins the exact
 * file, record and field of every issue the breakage must produce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateReferences } from '../../../src/domain/network/validate-references.js';
import { loadNetwork } from '../../../src/domain/network/load-network.js';
import { issuesOf, rec, SMALL_FIXTURE, where } from './fixture-copy.js';

describe('validateReferences: unique ids', () => {
  it('reports a place id defined twice, at the second definition', async () => {
    const issues = await issuesOf({
      edit: (f) => f.get('places/af.json').push(structuredClone(rec(f, 'places/tm.json', 'mary'))),
    });
    assert.deepEqual(issues.map(where), [['data/places/tm.json', 'mary', 'id']]);
    assert.match(issues[0]!.message, /first defined in data\/places\/af\.json/);
  });

  it('reports a speed rule id used twice and a second rule for the same country and mode', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const rules = f.get('parameters.json').speedRules;
        rules.push({ ...structuredClone(rules[0]), id: 'tm-rail-2' }); // TM rail again
        rules.push({ ...structuredClone(rules[1]), country: 'AZ' }); // id "ir-rail" again
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/parameters.json', 'parameters', 'speedRules.6'],
      ['data/parameters.json', 'parameters', 'speedRules.7.id'],
    ]);
  });
});

describe('validateReferences: names unique after folding', () => {
  it('reports an alias equal to another place\'s name up to case and diacritics', async () => {
    const issues = await issuesOf({ edit: (f) => rec(f, 'places/af.json', 'herat').aliases.push('TURKMENBASY') });
    assert.deepEqual(issues.map(where), [['data/places/tm.json', 'turkmenbashi', 'aliases.0']]);
    assert.match(issues[0]!.message, /folds to "turkmenbasy", already taken by place "herat" \(aliases\.1 "TURKMENBASY"\)/);
  });

  it('reports a name equal to another place\'s id, and a UN/LOCODE used twice', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'places/pk.json', 'chaman').name = 'Spin Boldak';
        rec(f, 'places/pk.json', 'quetta').unlocode = 'PKKHI';
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/places/pk.json', 'chaman', 'name'],
      ['data/places/pk.json', 'karachi', 'unlocode'],
    ]);
  });
});

describe('validateReferences: references resolve', () => {
  it('reports a link to an unknown place', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'links/pk.json', 'quetta--karachi').to = 'karachii') });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'to']]);
  });

  it('reports an unknown corridor', async () => {
    const issues = await issuesOf({ edit: (f) => rec(f, 'links/pk.json', 'quetta--karachi').corridors.push('ncts') });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'corridors.2']]);
  });

  it('reports a crossing at an unknown place (and what follows from it)', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'crossings/tm.json', 'saraghs--sarakhs').places[1] = 'sarakhz') });
    assert.deepEqual(issues.map(where), [
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'places.1'],
      // the link now has no crossing; Saraghs is still a gauge-change place of the (broken) crossing
      ['data/links/cross-border.json', 'saraghs--sarakhs', 'mode'],
    ]);
  });

  it('reports crossing countries that do not match its places in order', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'crossings/ir-pk.json', 'zahedan--taftan').countries = ['IR', 'AF']) });
    assert.deepEqual(issues.map(where), [['data/crossings/ir-pk.json', 'zahedan--taftan', 'countries.1']]);
  });
});

describe('validateReferences: coordinates', () => {
  it('reports latitude and longitude out of range', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'places/af.json', 'herat').lat = 95;
        rec(f, 'places/pk.json', 'karachi').lon = -200;
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/places/af.json', 'herat', 'lat'],
      ['data/places/pk.json', 'karachi', 'lon'],
    ]);
  });
});

describe('validateReferences: rail length against the great circle', () => {
  // quetta (30.19, 67.01) – karachi (24.82, 66.98): great circle 597.1 km.
  it('reports a rail link shorter than the great circle', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'links/pk.json', 'quetta--karachi').lengthKm = 595) });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'lengthKm']]);
    assert.match(issues[0]!.message, /597\.1 km/);
  });

  it('allows 1 km of slack below the great circle', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/pk.json', 'quetta--karachi').lengthKm = 596.5; // within slack: no issue
        rec(f, 'links/pk.json', 'taftan--quetta').lengthKm = -1; // something to report
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'taftan--quetta', 'lengthKm']]);
  });

  it('reports a rail link longer than twice the great circle (+1 km)', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'links/pk.json', 'quetta--karachi').lengthKm = 1196) });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'quetta--karachi', 'lengthKm']]);
  });

  it('does not apply the rule to road links', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'links/af.json', 'torghundi--herat--road').lengthKm = 50; // great circle 100.6 km, but road
        rec(f, 'links/af.json', 'torghundi--herat').lengthKm = 50; // rail: reported
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/af.json', 'torghundi--herat', 'lengthKm']]);
  });
});

describe('validateReferences: gauge changes', () => {
  it('reports places where gauges meet without a gauge-change crossing or transshipment', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'links/tm.json', 'mary--serhetabat').gaugeMm = 1435) });
    // Serhetabat is a crossing place, but its crossing has handling "none".
    assert.deepEqual(issues.map(where), [
      ['data/places/tm.json', 'mary', 'transshipment'],
      ['data/places/tm.json', 'serhetabat', 'transshipment'],
    ]);
  });

  it('reports Zahedan once its transshipment is removed', async () => {
    const issues = await issuesOf({ edit: (f) => delete rec(f, 'places/ir.json', 'zahedan').transshipment });
    assert.deepEqual(issues.map(where), [['data/places/ir.json', 'zahedan', 'transshipment']]);
    assert.match(issues[0]!.message, /1435 mm \(sarakhs--zahedan\), 1676 mm \(zahedan--taftan\)/);
  });

  it('reports a crossing whose gauges differ but whose handling is none', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const c = rec(f, 'crossings/tm.json', 'saraghs--sarakhs');
        c.gaugeChange = { gauges: [1520, 1435], handling: 'none' };
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'gaugeChange.handling'],
      ['data/places/tm.json', 'saraghs', 'transshipment'],
    ]);
  });

  it('requires gaugeChange.hours when handling is not none', async () => {
    const issues = await issuesOf({ edit: (f) => delete rec(f, 'crossings/tm.json', 'saraghs--sarakhs').gaugeChange.hours });
    assert.deepEqual(issues.map(where), [['data/crossings/tm.json', 'saraghs--sarakhs', 'gaugeChange.hours']]);
  });
});

describe('validateReferences: border links need a crossing', () => {
  it('reports a rail link between countries with no crossing record', async () => {
    const issues = await issuesOf({ edit: (f) => f.set('crossings/tm.json', [rec(f, 'crossings/tm.json', 'saraghs--sarakhs')]) });
    assert.deepEqual(issues.map(where), [['data/links/cross-border.json', 'serhetabat--torghundi', 'mode']]);
  });

  it('reports a road link whose crossing does not list road', async () => {
    const issues = await issuesOf({ edit: (f) => (rec(f, 'crossings/af-pk.json', 'spin-boldak--chaman--road').modes = ['rail']) });
    assert.deepEqual(issues.map(where), [['data/links/cross-border.json', 'spin-boldak--chaman--road', 'mode']]);
  });

  it('needs no crossing for ferry and sea links between countries', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    const ferry = net.links.find((l) => l.id === 'alat-port--turkmenbashi');
    const sea = net.links.find((l) => l.id === 'bandar-abbas--karachi');
    assert.equal(ferry?.mode, 'ferry');
    assert.equal(sea?.mode, 'sea'); // IR–PK, no crossing record, and the set is valid
    assert.ok(!net.crossings.some((c) => c.places.includes('alat-port') || c.places.includes('bandar-abbas')));
  });
});

describe('validateReferences: dwell entries', () => {
  it('requires one dwell entry without a direction', async () => {
    const issues = await issuesOf({ edit: (f) => rec(f, 'crossings/tm.json', 'saraghs--sarakhs').dwell.shift() });
    assert.deepEqual(issues.map(where), [['data/crossings/tm.json', 'saraghs--sarakhs', 'dwell']]);
  });

  it('reports a direction not made of the crossing\'s two countries, and a repeated direction', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const dwell = rec(f, 'crossings/tm.json', 'saraghs--sarakhs').dwell;
        dwell[1].direction = 'TM>AF';
        dwell.push(structuredClone(dwell[0])); // a second direction-less entry
      },
    });
    assert.deepEqual(issues.map(where), [
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'dwell.1.direction'],
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'dwell.2.direction'],
    ]);
  });
});

describe('validateReferences: speed rules', () => {
  it('reports every rail link of a country without speedKmh once its rule is gone', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const p = f.get('parameters.json');
        p.speedRules = p.speedRules.filter((r: { id: string }) => r.id !== 'pk-rail');
      },
    });
    // zahedan--taftan has its own speedKmh, so it is not listed.
    assert.deepEqual(issues.map(where), [
      ['data/links/cross-border.json', 'spin-boldak--chaman', 'speedKmh'],
      ['data/links/pk.json', 'taftan--quetta', 'speedKmh'],
      ['data/links/pk.json', 'quetta--karachi', 'speedKmh'],
      ['data/links/pk.json', 'chaman--quetta', 'speedKmh'],
    ]);
  });
});

describe('validateReferences: duplicate links', () => {
  it('reports a second link between the same places by the same mode, in either direction', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        const copy = structuredClone(rec(f, 'links/pk.json', 'quetta--karachi'));
        f.get('links/pk.json').push({ ...copy, id: 'karachi--quetta', from: 'karachi', to: 'quetta' });
      },
    });
    assert.deepEqual(issues.map(where), [['data/links/pk.json', 'karachi--quetta', 'mode']]);
  });

  it('allows a parallel link of another mode', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    const pair = net.links.filter((l) => [l.from, l.to].sort().join('|') === 'herat|torghundi').map((l) => l.mode);
    assert.deepEqual(pair.sort(), ['rail', 'road']);
  });
});

describe('validateReferences: all problems at once', () => {
  it('reports every violation of a set broken in several files, shape and references alike', async () => {
    const issues = await issuesOf({
      edit: (f) => {
        rec(f, 'places/af.json', 'herat').lat = 95;
        rec(f, 'links/pk.json', 'quetta--karachi').to = 'karachii';
        rec(f, 'links/pk.json', 'taftan--quetta').lengthKm = 2000;
        delete rec(f, 'crossings/tm.json', 'saraghs--sarakhs').gaugeChange.hours;
        rec(f, 'places/pk.json', 'chaman').name = 'Spin Boldak';
        rec(f, 'links/ir.json', 'sarakhs--zahedan').status = 'open';
      },
      raw: { 'links/sea.json': 'not json' },
    });
    assert.deepEqual(issues.map(where).sort(), [
      ['data/crossings/tm.json', 'saraghs--sarakhs', 'gaugeChange.hours'],
      ['data/links/ir.json', 'sarakhs--zahedan', 'status'],
      ['data/links/pk.json', 'quetta--karachi', 'to'],
      ['data/links/pk.json', 'taftan--quetta', 'lengthKm'],
      ['data/links/sea.json', '(file)', '(file)'],
      ['data/places/af.json', 'herat', 'lat'],
      ['data/places/pk.json', 'chaman', 'name'],
    ]);
  });
});

describe('validateReferences called directly', () => {
  it('finds nothing in the valid fixture and uses fileOf for file names', async () => {
    const net = await loadNetwork(SMALL_FIXTURE);
    assert.deepEqual(validateReferences({ ...net }, () => 'x.json'), []);
    const broken = { ...net, links: net.links.map((l) => (l.id === 'mary--saraghs' ? { ...l, from: 'nowhere' } : l)) };
    const asked: string[] = [];
    const issues = validateReferences(broken, (kind, id) => {
      asked.push(`${kind}:${id}`);
      return `${kind}s.json`;
    });
    assert.deepEqual(issues.map(where), [['links.json', 'mary--saraghs', 'from']]);
    assert.ok(asked.includes('link:mary--saraghs'));
  });
});
