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
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

/** Newest modification time (ms) of a file or of any file below a folder. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => join(root, p));
if (process.argv.includes('--if-needed') && existsSync(stamp)) {
  // A production copy (the container image) ships dist/ without src/: nothing to rebuild from.
  if (!existsSync(join(root, 'src'))) process.exit(0);
  const built = statSync(stamp).mtimeMs;
  if (inputs.every((p) => newest(p) <= built)) process.exit(0);
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
