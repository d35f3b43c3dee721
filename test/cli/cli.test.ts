/**
 * The command line run as a child process (bin/corridor-route-planner.js,
 * through tsx), against the API on the same data through app.inject: its
 * JSON, CSV and GeoJSON are the API's, its tables carry the same figures, and
 * bad input gets suggestions and exit code 2, no route exit code 3.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { REAL_DATA_DIR } from '../http/helper.js';
import { withPlanningApp } from '../http/planning-helper.js';

const BIN = fileURLToPath(new URL('../../bin/corridor-route-planner.js', import.meta.url));
const MISSING_DIR = fileURLToPath(new URL('./no-such-data-folder', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One child at a time: each loads and prepares the whole data set, and the
 * test runner runs other test files beside this one, whose event loops must
 * not be starved (their apps shed load when delayed).
 */
let queue: Promise<unknown> = Promise.resolve();
function cli(...args: string[]): Promise<Run> {
  const next = queue.then(() => spawnCli(args));
  queue = next;
  return next;
}

function spawnCli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    // DATA_DIR unset: the command line must find the project's data/ by itself.
    const env = { ...process.env };
    delete env.DATA_DIR;
    execFile(process.execPath, [BIN, ...args], { env, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let api: FastifyInstance;
before(async (t) => {
  ({ app: api } = await withPlanningApp(t, REAL_DATA_DIR));
});

async function apiGet(url: string) {
  const res = await api.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, res.body);
  return res;
}

describe('corridor-route-planner route', () => {
  it('--json, --csv and --geojson are the API answers for the same question', async () => {
    const args = ['route', 'Almaty', 'Karachi', '--include', 'planned', '--alternatives', '3'];
    const [j, c, g] = await Promise.all([cli(...args, '--json'), cli(...args, '--csv'), cli(...args, '--geojson')]);
    const url = '/v1/routes?from=Almaty&to=Karachi&include=planned&alternatives=3';
    for (const r of [j, c, g]) assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(j.stdout), (await apiGet(url)).json());
    assert.equal(c.stdout, (await apiGet(`${url}&format=csv`)).body);
    assert.deepEqual(JSON.parse(g.stdout), (await apiGet(`${url}&format=geojson`)).json());
  });

  it('--as-of plans at a month as asOf does, and a bad month exits 2 naming the option', async () => {
    const [j, bad] = await Promise.all([cli('route', 'Almaty', 'Karachi', '--as-of', '2031-01', '--json'), cli('route', 'Almaty', 'Karachi', '--as-of', '2031-13')]);
    assert.equal(j.code, 0, j.stderr);
    assert.deepEqual(JSON.parse(j.stdout), (await apiGet('/v1/routes?from=Almaty&to=Karachi&asOf=2031-01')).json());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--as-of: expected a month YYYY-MM \(01–12\) or "now", got "2031-13"/);
  });

  it('the table shows every route with its items and the total of the answer', async () => {
    const [t, j] = await Promise.all([cli('route', 'Almaty', 'Karachi', '--alternatives', '2'), cli('route', 'Almaty', 'Karachi', '--alternatives', '2', '--json')]);
    assert.equal(t.code, 0, t.stderr);
    const answer = JSON.parse(j.stdout) as { routes: { distanceKm: number; transitHours: { low: number; typical: number; high: number } }[] };
    assert.match(t.stdout, /^Route 1 of 2: Almaty → Kiamari, 5541\.6 km/m);
    assert.match(t.stdout, /^Route 2 of 2: /m);
    for (const r of answer.routes) {
      const h = r.transitHours;
      assert.match(t.stdout, new RegExp(`total\\s+${r.distanceKm}\\s+${h.low.toFixed(1)} / ${h.typical.toFixed(1)} / ${h.high.toFixed(1)}`));
    }
    assert.match(t.stdout, /border\s+Saraghs – Sarakhs/);
    assert.match(t.stdout, /gauge\s+Zahedan: 1435 → 1676 mm, transshipment/);
    assert.match(t.stdout, /terminal\s+Almaty: origin/);
  });

  it('coordinates as places; a data folder that cannot be read exits 1 naming it', async () => {
    const [r, f] = await Promise.all([cli('route', '43.25,76.94', 'PKKHI', '--json'), cli('route', 'mary', 'karachi', '--data', MISSING_DIR)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).query.coordinateMatches[0].place.id, 'almaty');
    assert.equal(f.code, 1);
    assert.match(f.stderr, /no-such-data-folder/);
  });

  it('an unknown place exits 2 with suggestions; no route exits 3 saying what would let one through', async () => {
    const [unknown, none] = await Promise.all([cli('route', 'Almatty', 'Karachi'), cli('route', 'Almaty', 'Gwadar', '--avoid-countries', 'IR')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown place: no place matches "Almatty"; did you mean "Almaty" \(almaty\)\?/);
    assert.equal(unknown.stdout, '');
    assert.equal(none.code, 3);
    // Gwadar has no operational rail and its sea link to Kiamari has no scheduled service, so today's lines stop it
    // whatever is avoided; the planned Gwadar – Mastung line (with the Afghan lines, IR still avoided) lets one through.
    assert.match(none.stderr, /stopped by include \(operational lines only\)/);
    assert.match(none.stderr, /A route goes through if you include under-construction and planned lines \(\d+(\.\d)? km/);
  });

  it('bad options exit 2 in plain words: a did-you-mean, "must be a number", an unknown scenario with the known ones', async () => {
    const [opt, num, scen, fmt] = await Promise.all([
      cli('route', 'Almaty', 'Karachi', '--alternativ', '2'),
      cli('route', 'Almaty', 'Karachi', '--alternatives', 'x', '--objective', 'quick'),
      cli('route', 'Almaty', 'Karachi', '--scenario', 'moon-rail'),
      cli('route', 'Almaty', 'Karachi', '--csv', '--json'),
    ]);
    for (const r of [opt, num, scen, fmt]) assert.equal(r.code, 2, r.stderr);
    assert.match(opt.stderr, /unknown option --alternativ; did you mean --alternatives\?/);
    assert.match(num.stderr, /--alternatives: must be a number, got "x"/);
    assert.match(num.stderr, /--objective: must be one of fastest, shortest or fewest-borders, got "quick"/);
    assert.match(scen.stderr, /moon-rail/);
    assert.match(scen.stderr, /known: .*kz-tm-af-pk-built/);
    assert.match(fmt.stderr, /choose one output format/);
  });
});

describe('corridor-route-planner compare, matrix, places', () => {
  it('compare --json and matrix --json are the API answers; their tables carry the same figures', async () => {
    const [cj, ct, mj, mt] = await Promise.all([
      cli('compare', 'Almaty', 'Karachi', '--scenarios', 'kz-tm-af-pk-built,trans-afghan-built', '--json'),
      cli('compare', 'Almaty', 'Karachi', '--scenarios', 'kz-tm-af-pk-built,trans-afghan-built'),
      cli('matrix', '--sources', 'Almaty,Tashkent', '--targets', 'Karachi,Gwadar', '--json'),
      cli('matrix', '--sources', 'Almaty,Tashkent', '--targets', 'Karachi,Gwadar'),
    ]);
    for (const r of [cj, ct, mj, mt]) assert.equal(r.code, 0, r.stderr);
    const compare = (await apiGet('/v1/compare?from=Almaty&to=Karachi&scenarios=kz-tm-af-pk-built,trans-afghan-built')).json();
    assert.deepEqual(JSON.parse(cj.stdout), compare);
    assert.match(ct.stdout, new RegExp(`today\\s+${compare.today.route.distanceKm}\\s+${compare.today.route.transitDays.typical}`));
    const m = await api.inject({ method: 'POST', url: '/v1/matrix', payload: { sources: ['Almaty', 'Tashkent'], targets: ['Karachi', 'Gwadar'] } });
    assert.deepEqual(JSON.parse(mj.stdout), m.json());
    const cell = m.json().cells[1][0];
    assert.match(mt.stdout, new RegExp(`Tashkent .*${cell.distanceKm} km, ${(cell.typicalHours / 24).toFixed(1)} d, ${cell.crossings} b`));
  });

  it('places searches names, aliases and UN/LOCODEs, resolves coordinates, and suggests on a miss', async () => {
    const [kara, coords, miss, json] = await Promise.all([cli('places', 'kara'), cli('places', '43.2,76.9'), cli('places', 'Tashkentt'), cli('places', 'PKKHI', '--json')]);
    assert.match(kara.stdout, /kiamari\s+Kiamari\s+PK\s+port\s+PKKHI/);
    assert.match(coords.stdout, /nearest place Almaty \(almaty, KZ\), \d+(\.\d)? km away; used for from\/to\/via/);
    assert.match(miss.stdout, /did you mean Tashkent \(tashkent\)/);
    assert.deepEqual(JSON.parse(json.stdout).map((p: { id: string }) => p.id), ['kiamari']);
  });

  it('no command prints the usage and exits 2; a misspelt one gets a suggestion; --help exits 0', async () => {
    const [none, typo, help] = await Promise.all([cli(), cli('rout', 'Almaty', 'Karachi'), cli('route', '--help')]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /usage: corridor-route-planner <command>/);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown command "rout"; did you mean "route"\?/);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /usage: corridor-route-planner route FROM TO/);
  });
});
