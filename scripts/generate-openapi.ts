/**
 * Writes the OpenAPI document of the service to openapi/openapi.json, built
 * from the app on the real data set without listening. First it saves the
 * service's answer to GET /v1/routes?from=Almaty&to=Karachi, and the answers
 * to the requests of src/http/schemas/operation-examples.ts (shortened), as
 * the examples the document shows, so every example is a real answer. With
 * --check, compares the files instead and exits 1 when any differs (CI guard
 * against a document that no longer matches the code or the data).
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
import { loadEmissionFactors } from '../src/domain/emissions/load-emission-factors.js';
import { loadCalendars } from '../src/domain/calendar/load-calendars.js';
import { loadScenarios } from '../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../src/domain/scenarios/scenario-registry.js';
import { buildApp } from '../src/http/app.js';
import { examplePath, OPERATION_EXAMPLES, savedAnswerText, type OperationExample } from '../src/http/schemas/operation-examples.js';
import { ROUTE_EXAMPLE_PATH, ROUTE_EXAMPLE_URL } from '../src/http/schemas/route-examples.js';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi/openapi.json', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

async function buildOn(dataDir: string) {
  const network = await loadNetwork(dataDir);
  const prepared = prepareNetwork(network);
  const app = await buildApp({
    // No load shedding while the examples are captured: a busy machine must not save a 503 as an example.
    config: parseConfig({ DATA_DIR: dataDir, MAX_EVENT_LOOP_DELAY_MS: '0' }),
    places: new PlaceIndex(network.places),
    scenarios: new ScenarioRegistry(prepared, await loadScenarios(dataDir, network)),
    emissionFactors: await loadEmissionFactors(dataDir),
    calendars: await loadCalendars(dataDir, network),
    logger: pino({ level: 'silent' }),
  });
  await app.ready();
  return app;
}

const asText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The service's answer to the example request on `dataDir`, as the example file's text. */
export async function generateRouteExampleText(dataDir: string = DATA_DIR): Promise<string> {
  const app = await buildOn(dataDir);
  try {
    const res = await app.inject({ method: 'GET', url: ROUTE_EXAMPLE_URL });
    if (res.statusCode !== 200) throw new Error(`GET ${ROUTE_EXAMPLE_URL} answered ${res.statusCode}: ${res.body}`);
    return asText(res.json());
  } finally {
    await app.close();
  }
}

export interface SavedAnswerFile {
  path: string;
  example: OperationExample;
  text: string;
}

/** The service's answers on `dataDir` to the requests of operation-examples.ts, shortened, as their files' texts. */
export async function generateOperationExampleTexts(dataDir: string = DATA_DIR): Promise<SavedAnswerFile[]> {
  const app = await buildOn(dataDir);
  try {
    const files: SavedAnswerFile[] = [];
    for (const example of OPERATION_EXAMPLES) {
      const { answer, request } = example;
      if (!answer) continue;
      const res = await app.inject({ method: request.method, url: request.url, ...(request.body ? { payload: request.body } : {}) });
      const name = `${request.method} ${request.url}`;
      if (res.statusCode !== 200) throw new Error(`${name} answered ${res.statusCode}: ${res.body}`);
      const type = String(res.headers['content-type'] ?? '');
      if (!type.startsWith(answer.mediaType)) throw new Error(`${name} answered ${type}, the example is shown as ${answer.mediaType}`);
      const body: unknown = answer.file.endsWith('.txt') ? res.body : res.json();
      const value = answer.shorten ? answer.shorten(body) : body;
      files.push({ path: examplePath(answer), example, text: savedAnswerText(answer, value) });
    }
    return files;
  } finally {
    await app.close();
  }
}

/** The OpenAPI document of the app on `dataDir`, as the file's text (2-space JSON + newline). */
export async function generateOpenApiText(dataDir: string = DATA_DIR): Promise<string> {
  const app = await buildOn(dataDir);
  try {
    return asText(app.swagger());
  } finally {
    await app.close();
  }
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** First differing line of two texts, for a readable drift message. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  return `from line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const answers = await generateOperationExampleTexts();
  const files = [
    { path: ROUTE_EXAMPLE_PATH, name: 'the /v1/routes example', generate: () => generateRouteExampleText() },
    ...answers.map((a) => ({ path: a.path, name: `the ${a.example.operationId} example`, generate: async () => a.text })),
    { path: OPENAPI_PATH, name: 'openapi/openapi.json', generate: () => generateOpenApiText() },
  ];
  let stale = 0;
  // In order: the document embeds the example, so the example is written before the document is built.
  for (const file of files) {
    const text = await file.generate();
    const committed = await readOrEmpty(file.path);
    if (committed === text) {
      process.stdout.write(`${file.name} is up to date.\n`);
    } else if (check) {
      stale++;
      process.stderr.write(`${file.name} (${file.path}) is out of date; it differs ${firstDifference(committed, text)}\n`);
    } else {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, text);
      process.stdout.write(`wrote ${file.path}\n`);
    }
  }
  if (stale > 0) {
    process.stderr.write('Run `npm run openapi` and commit the result.\n');
    process.exit(1);
  }
}

// Run only as a script, not when imported by the tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    if (err instanceof InvalidDataError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
