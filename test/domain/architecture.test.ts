/**
 * The domain stays free of the HTTP stack: no file under src/domain may import
 * fastify, a fastify plugin, pino, or anything under src/http.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { specifiers } from '../source-imports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOMAIN = path.join(ROOT, 'src', 'domain');
const HTTP = path.join(ROOT, 'src', 'http');

const FORBIDDEN_PACKAGE = /^(?:fastify(?:$|\/|-)|@fastify\/|pino(?:$|\/|-))/;

/** Why the specifier is forbidden in a domain file, or undefined when it is fine. */
export function violation(file: string, spec: string): string | undefined {
  if (FORBIDDEN_PACKAGE.test(spec)) return `imports the package "${spec}"`;
  if (spec.startsWith('.')) {
    const target = path.resolve(path.dirname(file), spec);
    if (target === HTTP || target.startsWith(HTTP + path.sep)) return `imports "${spec}" from src/http`;
  }
  return undefined;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture: src/domain is independent of the HTTP stack', () => {
  it('no domain file imports fastify, @fastify/*, pino or src/http', () => {
    const files = tsFiles(DOMAIN);
    assert.ok(files.length >= 5, `expected domain files, found ${files.length}`);
    const problems: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(readFileSync(f, 'utf8'))) {
        const why = violation(f, spec);
        if (why !== undefined) problems.push(`${path.relative(ROOT, f)} ${why}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the checker catches each forbidden kind of import (so the rule above can fail)', () => {
    const f = path.join(DOMAIN, 'routing', 'x.ts');
    const src = [
      "import Fastify from 'fastify';",
      "import type { FastifyBaseLogger } from 'fastify';",
      "import helmet from '@fastify/helmet';",
      "import { serializerCompiler } from 'fastify-type-provider-zod';",
      "export { pino } from 'pino';",
      "const m = await import('../../http/app.js');",
      "import '../../http/problem.js';",
      "const r = require('pino/file');",
      "import { z } from 'zod';",
      "import { foldName } from '../network/fold.js';",
      "import { x } from './http-like.js';",
    ].join('\n');
    const found = specifiers(src).filter((s) => violation(f, s) !== undefined);
    assert.deepEqual(found.sort(), ['../../http/app.js', '../../http/problem.js', '@fastify/helmet', 'fastify', 'fastify', 'fastify-type-provider-zod', 'pino', 'pino/file']);
  });
});
