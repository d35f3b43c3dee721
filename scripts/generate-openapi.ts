/**
 * Writes the OpenAPI document of the service to openapi/openapi.json, built
 * from the app on the real data set without listening. With --check, compares
 * instead and exits 1 when the committed file differs (CI guard against a
 * document that no longer matches the code).
 *
 *   npm run openapi          # regenerate
 *   npm run openapi:check    # fail on drift
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { InvalidDataError } from '../src/domain/errors.js';
import { loadNetwork } from '../src/domain/network/load-network.js';
import { PlaceIndex } from '../src/domain/network/place-index.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { buildApp } from '../src/http/app.js';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi/openapi.json', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** The document as the app on the real data produces it, as the file's text (2-space JSON + newline). */
export async function generateOpenApiText(dataDir: string = DATA_DIR): Promise<string> {
  const network = await loadNetwork(dataDir);
  const logger = pino({ level: 'silent' });
  const app = await buildApp({
    config: parseConfig({ DATA_DIR: dataDir }),
    network,
    prepared: prepareNetwork(network),
    places: new PlaceIndex(network.places),
    logger,
  });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const text = await generateOpenApiText();
  if (!check) {
    await mkdir(dirname(OPENAPI_PATH), { recursive: true });
    await writeFile(OPENAPI_PATH, text);
    process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
    return;
  }
  let committed: string;
  try {
    committed = await readFile(OPENAPI_PATH, 'utf8');
  } catch {
    process.stderr.write(`openapi/openapi.json is missing; run \`npm run openapi\` and commit it.\n`);
    process.exit(1);
  }
  if (committed !== text) {
    const a = committed.split('\n');
    const b = text.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    process.stderr.write(
      `openapi/openapi.json is out of date: it differs from the document the app generates, from line ${line + 1}:\n` +
        `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}\n` +
        'Run `npm run openapi` and commit the result.\n',
    );
    process.exit(1);
  }
  process.stdout.write('openapi/openapi.json is up to date.\n');
}

// Run only as a script, not when imported by the tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    if (err instanceof InvalidDataError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
