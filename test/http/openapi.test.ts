/**
 * The OpenAPI document: valid OpenAPI 3.0.3, every operation fully described,
 * every error response a problem document, and the committed files
 * (openapi/openapi.json and the saved Almaty → Karachi example) exactly what
 * the app generates on the real data set.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { generateOpenApiText, generateRouteExampleText, OPENAPI_PATH } from '../../scripts/generate-openapi.js';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE } from '../../src/http/problem.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { ROUTE_EXAMPLE_NAME, ROUTE_EXAMPLE_PATH } from '../../src/http/schemas/route-examples.js';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';

interface Media {
  schema?: { $ref?: string };
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown; $ref?: string }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
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
      assert.deepEqual(Object.values(media.examples ?? {}), [{ $ref: `#/components/examples/${ROUTE_EXAMPLE_NAME}` }]);
    }
    const example = RouteResponseSchema.parse(doc.components.examples[ROUTE_EXAMPLE_NAME]!.value);
    assert.ok(example.routes.length >= 1);
    assert.equal(example.routes[0]!.legs[0]!.from.id, example.query.from.id);
    assert.equal(example.routes[0]!.legs.at(-1)!.to.id, example.query.to.id);
    assert.ok(example.routes[0]!.borderCrossings.length >= 1);
  });
});

describe('committed files', () => {
  it('the saved /v1/routes example is what the service answers on the data set', async () => {
    const committed = readFileSync(ROUTE_EXAMPLE_PATH, 'utf8');
    assert.equal(committed, await generateRouteExampleText(), 'stale example: run `npm run openapi` and commit the result');
  });

  it('openapi/openapi.json is what the app generates', () => {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    assert.equal(committed, text, 'stale openapi/openapi.json: run `npm run openapi` and commit the result');
  });
});
