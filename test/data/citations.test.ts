/**
 * Every citation in data/ must point at a source the network facts sheet
 * gives (the sheet is the project's reference for figures): an address that
 * does not appear there is a citation nobody can check.
 *
 * The sheet lives beside the project in ../shared/reference/; a checkout
 * without it (outside the project's machines) skips this file and says why.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FACTS = path.join(ROOT, '..', 'shared', 'reference', 'network-facts.md');
const SERVICES = path.join(ROOT, '..', 'shared', 'reference', 'published-services.md');
/** Sources read for the transit parameters, with the statement quoted (kept in the project). */
const READ = path.join(ROOT, 'docs', 'calibration-sources.md');
/** The project's own list of emission-factor sources, each with its statement. */
const EXTRA = path.join(ROOT, 'docs', 'emission-sources.md');
/**
 * The reference sheets a citation may point into: the network facts sheet, the
 * published-services sheet, the calibration records, each of which holds a
 * published service's address with its statement as read (data/calibration/),
 * and the list of sources read for the transit parameters (docs/calibration-sources.md).
 */
const facts = existsSync(FACTS)
  ? [readFileSync(FACTS, 'utf8'), existsSync(SERVICES) ? readFileSync(SERVICES, 'utf8') : '', calibrationAddresses(), readFileSync(READ, 'utf8'), existsSync(EXTRA) ? readFileSync(EXTRA, 'utf8') : ''].join('\n')
  : undefined;

function calibrationAddresses(): string {
  const dir = path.join(ROOT, 'data', 'calibration');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => (JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as { source: { address: string } }[]).map((r) => r.source.address))
    .join('\n');
}

/** Every { address, statement } in a JSON value, with where it sits. */
function citations(value: unknown, where: string, out: { where: string; address: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => citations(v, `${where}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.address === 'string' && typeof o.statement === 'string') out.push({ where, address: o.address });
    for (const [k, v] of Object.entries(o)) citations(v, `${where}.${k}`, out);
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
  );
}

/**
 * One address (of several joined by ";") is checkable when the sheet contains
 * it, piece by piece around the sheet's own "…" shortenings; or when it is a
 * web address whose host and path both appear in the sheet (the sheet writes
 * "cpmm.carecprogram.org/2020-report/…; …/2022-report/turkmenistan"); or when
 * it cites the sheet itself (a section used as input to a stated estimate); or
 * when it is a complete web address (scheme, host and path, nothing shortened
 * with "…"), which anyone can open without the sheet.
 */
function checkable(address: string, sheet: string): boolean {
  if (/^(facts sheet|network-facts)\b/i.test(address)) return true;
  if (/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i.test(address) && !address.includes('…')) return true;
  const pieces = address
    .split('…')
    .map((p) => p.trim().replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '');
  if (pieces.length > 0 && pieces.every((p) => sheet.includes(p))) return true;
  const url = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/(.+)$/i.exec(address);
  return url !== null && sheet.includes(url[1]!) && sheet.includes(url[2]!);
}

describe('citations in data/', { skip: facts === undefined ? `no facts sheet at ${FACTS}` : false }, () => {
  it('the rule rejects an address the sheet does not give', () => {
    const sheet = 'see cpmm.carecprogram.org/2020-report/…; …/2022-report/turkmenistan and tass.com/world/764933';
    assert.equal(checkable('tass.com/world/764933', sheet), true);
    assert.equal(checkable('cpmm.carecprogram.org/2022-report/turkmenistan', sheet), true);
    assert.equal(checkable('facts sheet §7 (ESTIMATE, great-circle)', sheet), true);
    assert.equal(checkable('tass.com/world/999999', sheet), false);
    assert.equal(checkable('example.org/made-up', sheet), false);
    assert.equal(checkable('https://www.railwaygazette.com/infrastructure/irans-caspian-sea-rail-link-commissioned/66796.article', sheet), true);
    assert.equal(checkable('https://example.org/…/shortened', sheet), false);
    assert.equal(checkable('https://example.org', sheet), false);
  });

  it('every source address in data/ appears in the network facts sheet', () => {
    const found: { where: string; address: string }[] = [];
    for (const file of jsonFiles(path.join(ROOT, 'data'))) {
      citations(JSON.parse(readFileSync(file, 'utf8')), path.relative(ROOT, file), found);
    }
    assert.ok(found.length > 500, `expected the data set to cite its sources, found ${found.length} citations`);
    const unknown = found.flatMap(({ where, address }) =>
      address
        .split(';')
        .map((a) => a.trim())
        .filter((a) => a !== '' && !checkable(a, facts!))
        .map((a) => `${where}: ${a}`),
    );
    assert.deepEqual(unknown, []);
  });
});
