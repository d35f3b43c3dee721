/**
 * The README's error table is the published contract for clients: every
 * problem code the service can answer with must be listed there with its
 * HTTP status, and nothing else.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PROBLEM_CODES } from '../src/http/error-handler.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.split('<!-- error-codes:start -->')[1]?.split('<!-- error-codes:end -->')[0] ?? '';
const rows = [...table.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])] as const);

describe('README error table', () => {
  it('lists every problem code with its status, in the order of the code table', () => {
    const expected = Object.entries(PROBLEM_CODES).map(([code, { status }]) => [code, status] as const);
    assert.deepEqual(rows, expected);
  });
});
