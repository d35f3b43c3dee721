#!/usr/bin/env node
// Command-line launcher: runs the compiled entry (dist/) when it was built from
// the current source, else the TypeScript source through tsx (a runtime
// dependency), so a stale build is never what runs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const hasSource = existsSync(fileURLToPath(new URL('../src', import.meta.url)));
const fresh = existsSync(fileURLToPath(compiled)) && (!hasSource || (await import('../scripts/build-freshness.mjs')).isBuildFresh(root));
if (fresh) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
