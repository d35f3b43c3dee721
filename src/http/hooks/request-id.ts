/**
 * Request ids: a caller's X-Request-Id is kept when it is a plausible id
 * (1–128 characters of letters, digits and . _ : -), so one id follows a
 * request through proxies and services; otherwise a random UUID is made.
 * The id is echoed in the X-Request-Id response header, is in every log line
 * of the request (fastify's reqId) and in every problem body (requestId).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Anything else (spaces, quotes, newlines, very long values) could forge or flood log lines. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** fastify's genReqId: the caller's id when valid, else a new UUID. */
export function requestIdFrom(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && VALID_REQUEST_ID.test(given)) return given;
  return randomUUID();
}

/** Echoes the id on every answer, errors and 404s included. */
export function installRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
