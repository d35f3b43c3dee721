/**
 * The OpenAPI document: valid OpenAPI 3.0.3, every operation fully described
 * with real examples (the completeness walker of openapi-contract.ts), every
 * error response a problem document, "Try it out" answered, and the committed
 * files (openapi/openapi.json and the saved example answers) exactly what the
 * app generates on the real data set.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import {
  generateOpenApiText,
  generateOperationExampleTexts,
  generateRouteExampleText,
  OPENAPI_PATH,
} from '../../scripts/generate-openapi.js';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE } from '../../src/http/error-handler.js';
import { examplePath, OPERATION_EXAMPLES, readSavedAnswer, shortenLists } from '../../src/http/schemas/operation-examples.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_PATH } from '../../src/http/schemas/route-examples.js';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';
import { buildTestApp, REAL_DATA_DIR } from './helper.js';
import { contractGaps } from './openapi-contract.js';

interface Media {
  schema?: { $ref?: string };
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown; $ref?: string }>;
}
interface Parameter {
  in: string;
  name: string;
  example?: unknown;
  schema?: { example?: unknown };
}
interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; examples: Record<string, { summary: string; value: unknown }> };
}

let text: string;
let doc: Doc;
const operations: [string, Operation][] = [];

before(async () => {
  text = await generateOpenApiText();
  doc = JSON.parse(text) as Doc;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) operations.push([`${method.toUpperCase()} ${path}`, op]);
  }
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.0.3 document', async () => {
    assert.equal(doc.openapi, '3.0.3');
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(JSON.parse(text) as never);
    assert.ok(doc.info.title && doc.info.version && doc.info.description);
  });

  it('documents the service endpoints and not the documentation UI', () => {
    for (const path of ['/health', '/ready', '/v1/info', '/v1/routes']) assert.ok(doc.paths[path], path);
    assert.ok(Object.keys(doc.paths).every((p) => !p.startsWith('/docs')));
    assert.deepEqual(Object.keys(doc.paths['/v1/routes']!).sort(), ['get', 'post']);
  });

  it('gives every operation a unique operationId, declared tags, a summary and a description', () => {
    const declared = new Set(doc.tags.map((t) => t.name));
    const ids = new Set<string>();
    for (const [name, op] of operations) {
      assert.ok(op.operationId, `${name}: operationId`);
      assert.ok(!ids.has(op.operationId), `${name}: duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(op.tags && op.tags.length > 0 && op.tags.every((t) => declared.has(t)), `${name}: tags`);
      assert.ok(op.summary, `${name}: summary`);
      assert.ok(op.description && op.description.length > 20, `${name}: description`);
    }
  });

  it('describes every response, and every error response is a problem document with examples', () => {
    for (const [name, op] of operations) {
      assert.ok(op.responses['200'], `${name}: 200`);
      assert.ok(op.responses['500'], `${name}: 500`);
      for (const [status, res] of Object.entries(op.responses)) {
        assert.ok(res.description && res.description !== 'Default Response', `${name} ${status}: description`);
        if (Number(status) < 400) continue;
        assert.deepEqual(Object.keys(res.content ?? {}), [PROBLEM_CONTENT_TYPE], `${name} ${status}: content type`);
        const media = res.content![PROBLEM_CONTENT_TYPE]!;
        assert.equal(media.schema?.$ref, '#/components/schemas/Problem', `${name} ${status}: schema`);
        const examples = Object.values(media.examples ?? {});
        assert.ok(examples.length > 0, `${name} ${status}: examples`);
        for (const ex of examples) {
          const body = ProblemSchema.parse(ex.value);
          assert.equal(body.status, Number(status), `${name} ${status}: example status`);
          assert.equal(PROBLEM_CODES[body.code].status, Number(status), `${name} ${status}: example code`);
        }
      }
    }
  });

  it('documents the route errors clients must handle', () => {
    for (const method of ['get', 'post']) {
      const statuses = Object.keys(doc.paths['/v1/routes']![method]!.responses);
      for (const s of ['200', '400', '404', '422', '500']) assert.ok(statuses.includes(s), `${method} /v1/routes ${s}`);
    }
    const post = Object.keys(doc.paths['/v1/routes']!.post!.responses);
    for (const s of ['413', '415']) assert.ok(post.includes(s), `post /v1/routes ${s}`);
  });

  it('shows the real Almaty → Karachi answer as the /v1/routes example', () => {
    for (const method of ['get', 'post']) {
      const media = doc.paths['/v1/routes']![method]!.responses['200']!.content!['application/json']!;
      // The shared answer first; GET also shows a dated answer (departAt, arriveBy) of its own.
      const examples = Object.entries(media.examples ?? {});
      assert.deepEqual(examples[0], [ROUTE_EXAMPLE_NAME, { $ref: `#/components/examples/${ROUTE_EXAMPLE_NAME}` }]);
      assert.deepEqual(examples.slice(1).map(([name]) => name), method === 'get' ? ['AktauToBakuDepartingInDecember'] : []);
    }
    const example = RouteResponseSchema.parse(doc.components.examples[ROUTE_EXAMPLE_NAME]!.value);
    assert.ok(example.routes.length >= 1);
    assert.equal(example.routes[0]!.legs[0]!.from.id, example.query.from.id);
    assert.equal(example.routes[0]!.legs.at(-1)!.to.id, example.query.to.id);
    assert.ok(example.routes[0]!.borderCrossings.length >= 1);
  });

  it('meets the contract: ids, declared tags, summaries, descriptions, examples everywhere, problem errors, no duplicate components', () => {
    assert.deepEqual(contractGaps(doc as unknown as Record<string, unknown>), []);
  });

  it('tags the network-browsing operations `network`', () => {
    const browse = ['/v1/places', '/v1/places/{id}', '/v1/links', '/v1/links/{id}', '/v1/border-crossings', '/v1/border-crossings/{id}'];
    for (const path of [...browse, '/v1/corridors', '/v1/corridors/{id}', '/v1/network']) {
      assert.deepEqual(doc.paths[path]!.get!.tags, ['network'], path);
    }
    assert.ok(doc.tags.some((t) => t.name === 'network'));
  });

  it('shows each saved answer and request body on the operation it belongs to', () => {
    const byId = new Map(operations.map(([, op]) => [op.operationId, op]));
    for (const example of OPERATION_EXAMPLES) {
      const op = byId.get(example.operationId);
      assert.ok(op, `${example.operationId}: no such operation`);
      if (example.request.body !== undefined) {
        const media = op.requestBody?.content['application/json'];
        assert.deepEqual(media?.examples?.[example.name]?.value, example.request.body, `${example.operationId}: request body example`);
      }
      if (example.answer) {
        const media = op.responses['200']!.content![example.answer.mediaType];
        assert.deepEqual(media?.examples?.[example.name]?.value, readSavedAnswer(example.answer), `${example.operationId}: answer example`);
      }
    }
  });

  it('keeps every saved answer, shortened, valid against its operation\'s schema', () => {
    for (const example of OPERATION_EXAMPLES) {
      if (example.answer) assert.doesNotThrow(() => example.answer!.schema.parse(readSavedAnswer(example.answer!)), example.answer.file);
    }
  });
});

/**
 * The request Swagger UI's "Try it out" starts from: each parameter's
 * example (its own or its schema's) and the first request body example.
 */
function tryItOutRequest(path: string, op: Operation): { url: string; body?: unknown } {
  const query = new URLSearchParams();
  let url = path;
  for (const param of op.parameters ?? []) {
    const value = param.example ?? param.schema?.example;
    if (value === undefined) continue;
    if (param.in === 'path') url = url.replace(`{${param.name}}`, encodeURIComponent(String(value)));
    else if (param.in === 'query') query.set(param.name, String(value));
  }
  const media = op.requestBody?.content['application/json'];
  const body = media ? (Object.values(media.examples ?? {})[0]?.value ?? media.example) : undefined;
  const search = query.toString();
  return { url: search ? `${url}?${search}` : url, ...(body === undefined ? {} : { body }) };
}

describe('"Try it out" on the real data set', () => {
  let app: FastifyInstance;
  before(async () => {
    app = (await buildTestApp(REAL_DATA_DIR)).app;
  });
  after(async () => {
    await app.close();
  });

  it('answers 2xx to every operation pre-filled with its examples', async () => {
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const { url, body } = tryItOutRequest(path, op);
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
        if (res.statusCode >= 300) failures.push(`${method.toUpperCase()} ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('gets the saved Almaty → Karachi answer for the POST /v1/routes body example', async () => {
    const media = doc.paths['/v1/routes']!.post!.requestBody!.content['application/json']!;
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: media.examples![ROUTE_EXAMPLE_NAME]!.value as object });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), doc.components.examples[ROUTE_EXAMPLE_NAME]!.value);
  });
});

/** Loosely typed on purpose: the tests below reach into it to break one rule each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A tiny document that meets every rule; each test below breaks one. */
function tinyDocument(): Loose {
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    tags: [{ name: 'network' }],
    paths: {
      '/v1/places/{id}': {
        get: {
          operationId: 'getPlace',
          tags: ['network'],
          summary: 'One place',
          description: 'A place by id.',
          parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string', example: 'almaty' } }],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Place' }, example: { id: 'almaty' } } } },
            '404': { description: 'no', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
      },
      '/v1/matrix': {
        post: {
          operationId: 'postMatrix',
          tags: ['network'],
          summary: 'Matrix',
          description: 'Travel costs.',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/MatrixRequest' } } } },
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object' }, examples: { M: { $ref: '#/components/examples/Matrix' } } } },
            },
          },
        },
      },
    },
    components: {
      examples: { Matrix: { value: { cells: [] } } },
      schemas: {
        Place: { type: 'object', properties: { id: { type: 'string' } } },
        MatrixRequest: { type: 'object', properties: { sources: { type: 'array' } }, example: { sources: ['Almaty'], targets: ['Karachi'] } },
        Problem: { type: 'object', properties: { code: { type: 'string' } } },
      },
    },
  };
}

describe('OpenAPI completeness walker', () => {
  it('finds no gap in a complete document (examples on the media type, on a $ref\'d schema, or in components/examples)', () => {
    assert.deepEqual(contractGaps(tinyDocument()), []);
  });

  it('reports a 2xx answer without an example', () => {
    const doc = tinyDocument();
    delete doc.paths['/v1/places/{id}'].get.responses['200'].content['application/json'].example;
    assert.deepEqual(contractGaps(doc), ['GET /v1/places/{id}: 200 application/json has no example']);
  });

  it('reports an example reference that leads nowhere', () => {
    const doc = tinyDocument();
    delete doc.components.examples.Matrix;
    assert.deepEqual(contractGaps(doc), ['POST /v1/matrix: 200 application/json has no example']);
  });

  it('reports a request body without an example', () => {
    const doc = tinyDocument();
    delete doc.components.schemas.MatrixRequest.example;
    assert.deepEqual(contractGaps(doc), ['POST /v1/matrix: request body application/json has no example']);
  });

  it('reports a required parameter without an example', () => {
    const doc = tinyDocument();
    doc.paths['/v1/places/{id}'].get.parameters = [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }];
    assert.deepEqual(contractGaps(doc), ['GET /v1/places/{id}: required path parameter "id" has no example']);
  });

  it('reports a missing operationId, summary and description, and a tag not declared', () => {
    const doc = tinyDocument();
    const op = doc.paths['/v1/matrix'].post;
    delete op.operationId;
    delete op.summary;
    op.description = ' ';
    op.tags = ['info'];
    assert.deepEqual(contractGaps(doc), [
      'POST /v1/matrix: no operationId',
      'POST /v1/matrix: tag "info" is not declared in the top-level tags',
      'POST /v1/matrix: no summary',
      'POST /v1/matrix: no description',
    ]);
  });

  it('reports an operation without tags and an operationId used twice', () => {
    const doc = tinyDocument();
    doc.paths['/v1/matrix'].post.operationId = 'getPlace';
    doc.paths['/v1/matrix'].post.tags = [];
    assert.deepEqual(contractGaps(doc), ['POST /v1/matrix: operationId getPlace also used by GET /v1/places/{id}', 'POST /v1/matrix: no tag']);
  });

  it('reports an error answer that is not a problem document', () => {
    const doc = tinyDocument();
    doc.paths['/v1/places/{id}'].get.responses['404'] = { description: 'no', content: { 'application/json': { schema: { type: 'object' } } } };
    doc.paths['/v1/matrix'].post.responses['500'] = { description: 'fault' };
    assert.deepEqual(contractGaps(doc), [
      'GET /v1/places/{id}: 404 application/json does not use #/components/schemas/Problem',
      'POST /v1/matrix: 500 has no problem document',
    ]);
  });

  it('reports a component schema that is an identical copy of another', () => {
    const doc = tinyDocument();
    doc.components.schemas.PlaceInput = { type: 'object', properties: { id: { type: 'string' } } };
    assert.deepEqual(contractGaps(doc), ['components/schemas: PlaceInput is an identical copy of Place']);
  });
});

describe('shortened example answers', () => {
  it('cut only lists of more than 5 items, to their first 2, at any depth', () => {
    const answer = { modes: ['rail', 'ferry', 'sea'], places: [1, 2, 3, 4, 5, 6], nested: [{ ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }] };
    assert.deepEqual(shortenLists(answer), { modes: ['rail', 'ferry', 'sea'], places: [1, 2], nested: [{ ids: ['a', 'b'] }] });
  });
});

describe('committed files', () => {
  it('the saved /v1/routes example is what the service answers on the data set', async () => {
    const committed = readFileSync(ROUTE_EXAMPLE_PATH, 'utf8');
    assert.equal(committed, await generateRouteExampleText(), 'stale example: run `npm run openapi` and commit the result');
  });

  it('the other saved example answers are what the service answers on the data set, shortened', async () => {
    const files = await generateOperationExampleTexts();
    assert.equal(files.length, OPERATION_EXAMPLES.filter((e) => e.answer).length);
    for (const file of files) {
      assert.equal(file.path, examplePath(file.example.answer!));
      assert.equal(readFileSync(file.path, 'utf8'), file.text, `stale ${file.path}: run \`npm run openapi\` and commit the result`);
    }
  });

  it('openapi/openapi.json is what the app generates', () => {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    assert.equal(committed, text, 'stale openapi/openapi.json: run `npm run openapi` and commit the result');
  });
});
