#!/usr/bin/env node
/**
 * Compiles src/ to dist/ (tsc -p tsconfig.build.json) and copies the files the
 * compiled code reads at run time from beside itself (the OpenAPI example
 * answers under src/http/schemas/examples/). With --if-needed it does nothing
 * when dist/ is newer than every file under src/ and the build config, so
 * `npm start` stays fast on a second start and still never runs stale code.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh, stampPath } from './build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = stampPath(root);

if (process.argv.includes('--if-needed') && existsSync(stamp)) {
  // A production copy (the container image) ships dist/ without src/: nothing to rebuild from.
  if (!existsSync(join(root, 'src'))) process.exit(0);
  if (isBuildFresh(root)) process.exit(0);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  process.stderr.write('build: TypeScript is not installed (run `npm ci`, which installs the development dependencies too)\n');
  process.exit(1);
}
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  process.stderr.write('build: tsc failed\n');
  process.exit(1);
}
cpSync(join(root, 'src', 'http', 'schemas', 'examples'), join(root, 'dist', 'http', 'schemas', 'examples'), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
