/**
 * The only request-body parser: JSON in UTF-8. Replaces fastify's defaults so
 * that a body the service cannot read correctly is refused with a reason:
 * - a charset other than UTF-8 (`charset=utf-16`) → 415: fastify would decode
 *   the bytes as UTF-8 regardless and report "not valid JSON";
 * - bytes that are not UTF-8 → 400 naming the encoding;
 * - a `__proto__` key (or `constructor.prototype`) → 400 naming the key:
 *   fastify refuses these too, but as "not valid JSON", which the JSON is;
 * - any other content type (text/plain included) → 415, as the README says.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BodyRefused } from '../error-handler.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The charset parameter of a Content-Type header, lower case, or undefined when absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const [name, ...rest] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset') return rest.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}

/** JSON.parse that refuses prototype-poisoning keys with a message naming them (path like `overlays[0].__proto__`). */
export function parseJsonBody(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const stack: { v: unknown; path: string }[] = [{ v: value, path: 'body' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x] as const) : Object.keys(v).map((k) => [`.${k}`, (v as Record<string, unknown>)[k]] as const);
    for (const [key, child] of entries) {
      if (key === '.__proto__' || (key === '.constructor' && child !== null && typeof child === 'object' && 'prototype' in child)) {
        throw new BodyRefused({
          code: 'MALFORMED_REQUEST',
          detail: `The body is valid JSON but holds the key "${key.slice(1)}" at ${path}${key}, which is refused because it can alter object prototypes; remove it.`,
          extensions: { parameter: `${path}${key}`.replace(/^body\.?/, '') || 'body' },
        });
      }
      stack.push({ v: child, path: `${path}${key}` });
    }
  }
  return value;
}

function parse(request: FastifyRequest, body: Buffer): unknown {
  const charset = charsetOf(request.headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyRefused({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: `The body is declared as charset=${charset}; send application/json in UTF-8 (charset=utf-8 or no charset).`,
    });
  }
  if (body.length === 0) throw new BodyRefused({ code: 'MALFORMED_REQUEST', detail: 'The request body is empty but its content type is application/json.' });
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new BodyRefused({ code: 'MALFORMED_REQUEST', detail: 'The request body is not valid UTF-8; send application/json in UTF-8.' });
  }
  try {
    return parseJsonBody(text);
  } catch (err) {
    if (err instanceof BodyRefused) throw err;
    throw new BodyRefused({ code: 'MALFORMED_REQUEST', detail: `The request body is not valid JSON (${(err as Error).message}).` });
  }
}

/** Installs the parser for application/json (and +json types); every other content type gets 415. */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const handler = (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void => {
    try {
      done(null, parse(request, typeof body === 'string' ? Buffer.from(body, 'utf8') : body));
    } catch (err) {
      done(err as Error, undefined);
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, handler);
  app.addContentTypeParser(/^application\/[a-z0-9.+-]*\+json$/, { parseAs: 'buffer' }, handler);
}
