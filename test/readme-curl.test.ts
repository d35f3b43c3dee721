/**
 * Every `curl` example in README.md works as written: each is sent to the app
 * on the real data set (through app.inject, with the example's method,
 * headers and body). It must answer 2xx, or the status its comment names
 * at the start of its comment (`# 404 UNKNOWN_PLACE …`), and then with that
 * problem code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { REAL_DATA_DIR, withApp } from './http/helper.js';

interface CurlExample {
  line: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus?: number;
  expectCode?: string;
}

/** Shell words of one command line: '…' and "…" quoting, no expansion. Stops at an unquoted #. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end === -1) throw new Error(`unbalanced quote in: ${line}`);
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '#' && !inWord) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return { words, comment: '' };
}

function parseCurl(line: string): CurlExample {
  const { words, comment } = shellWords(line);
  const ex: CurlExample = { line, method: 'GET', url: '', headers: {} };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X' || w === '--request') ex.method = words[++i]!;
    else if (w === '-H' || w === '--header') {
      const [name, ...rest] = words[++i]!.split(':');
      ex.headers[name!.trim().toLowerCase()] = rest.join(':').trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw') {
      ex.body = words[++i]!;
      if (ex.method === 'GET') ex.method = 'POST';
    } else if (/^-[sSfLiv]+$/.test(w)) continue;
    else if (w.startsWith('http')) ex.url = w;
    else throw new Error(`curl option the README test does not know: ${w} in ${line}`);
  }
  // A status is expected only when the comment starts with one ("# 404 UNKNOWN_PLACE …"), not for "# 120 h".
  const expected = /^([1-5]\d\d)\b(?:\s+([A-Z_]{3,}))?/.exec(comment);
  if (expected) {
    ex.expectStatus = Number(expected[1]);
    if (expected[2]) ex.expectCode = expected[2];
  }
  return ex;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = readme
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^curl\s/.test(l))
  .map(parseCurl);

let app: FastifyInstance;
before(async (t) => {
  app = (await withApp(t, REAL_DATA_DIR)).app;
});

describe('README curl examples', () => {
  it('the README has curl examples, each with a localhost URL', () => {
    assert.ok(examples.length >= 3, `found ${examples.length}`);
    for (const ex of examples) assert.match(ex.url, /^http:\/\/localhost:3000\//, ex.line);
  });

  for (const ex of examples) {
    it(ex.line, async () => {
      const u = new URL(ex.url);
      const res = await app.inject({ method: ex.method as 'GET', url: u.pathname + u.search, headers: ex.headers, payload: ex.body });
      if (ex.expectStatus === undefined) {
        assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${res.statusCode}: ${res.body.slice(0, 300)}`);
        assert.ok(res.body.length > 0);
      } else {
        assert.equal(res.statusCode, ex.expectStatus, res.body.slice(0, 300));
        if (ex.expectCode) assert.equal((res.json() as { code: string }).code, ex.expectCode);
      }
    });
  }
});

describe('shellWords', () => {
  it('splits on spaces, keeps quoted text whole, stops at a comment', () => {
    assert.deepEqual(shellWords(`curl -H 'A: b c' "x y" z # 404 NOT_FOUND`), { words: ['curl', '-H', 'A: b c', 'x y', 'z'], comment: '404 NOT_FOUND' });
    assert.deepEqual(shellWords(`curl 'http://h/?a=1#frag'`), { words: ['curl', 'http://h/?a=1#frag'], comment: '' });
  });
});
