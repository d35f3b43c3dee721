/** Shared checks for the network-browsing endpoint tests. */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { PROBLEM_CODES, type ProblemCode } from '../../src/http/error-handler.js';
import { ProblemSchema } from '../../src/http/schemas/problem.js';
import { PROBLEM_TYPE } from './helper.js';

/** Checks a problem answer's envelope and returns its body. */
export function expectProblem(res: LightMyRequestResponse, code: ProblemCode) {
  assert.match(String(res.headers['content-type']), PROBLEM_TYPE, res.body);
  const body = ProblemSchema.parse(res.json());
  assert.equal(body.code, code, res.body);
  assert.equal(res.statusCode, PROBLEM_CODES[code].status);
  // Errors are never cached: they carry no ETag.
  assert.equal(res.headers.etag, undefined);
  return body;
}

/** The parameters named by a VALIDATION_ERROR, sorted. */
export const badParameters = (res: LightMyRequestResponse): string[] =>
  (expectProblem(res, 'VALIDATION_ERROR').errors ?? []).map((e) => e.parameter).sort();

/** Ids of the items of a page answer. */
export const itemIds = (body: { items: { id: string }[] }): string[] => body.items.map((i) => i.id);
