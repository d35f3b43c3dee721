/**
 * Whether dist/ was built from the current source: its build stamp is newer
 * than every file under src/ and the build config. Plain JavaScript on
 * purpose: it runs before anything is compiled (scripts/build.mjs) and in the
 * command-line launcher (bin/), so that neither ever runs stale code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of a file or of any file below a folder. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** The build stamp's path under `root`. */
export const stampPath = (root) => join(root, 'dist', '.build-stamp');

/** True when `root`/dist holds a build at least as new as its src/ and build config. */
export function isBuildFresh(root) {
  const stamp = stampPath(root);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].every((p) => newest(join(root, p)) <= built);
}
