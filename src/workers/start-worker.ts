/**
 * Starts a worker thread from a module next to this one, with this module's
 * own file extension (.ts under tsx, .js in a compiled build).
 *
 * Under tsx the worker needs the TypeScript loader before its entry module is
 * resolved; on Node 20 an inherited `--import tsx` does not apply to a
 * worker's entry. So a .ts worker starts from a small script that registers
 * tsx's loader, then imports the worker module.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const EXTENSION = extname(fileURLToPath(import.meta.url));

/** A worker running `./<name>` (without extension) of this folder, with `workerData`. */
export function startWorker(name: string, workerData: unknown): Worker {
  const url = new URL(`./${name}${EXTENSION}`, import.meta.url);
  if (EXTENSION !== '.ts') return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
