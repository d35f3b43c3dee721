/**
 * HTTP caching of the network-browsing answers. The network does not change
 * while the process runs, so an answer is fully determined by the service
 * version (wire format), the data-set version, the path and the normalised
 * query: the ETag is a hash of those, known before the body is built, and a
 * matching If-None-Match is answered 304 without building it.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SERVICE } from './service-info.js';

/** Shared caches may keep an answer 5 min (300 s); after that they revalidate with the ETag. */
export const CACHE_CONTROL = 'public, max-age=300';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * The query as a canonical string: absent values dropped, keys sorted, lists
 * sorted and de-duplicated (they are sets: `status=a,b` = `status=b,a`).
 */
export function normaliseQuery(query: Readonly<Record<string, QueryValue>>): string {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = [...new Set(value as readonly string[])].sort();
      if (items.length > 0) entries.push([key, items]);
    } else {
      entries.push([key, value]);
    }
  }
  return JSON.stringify(entries);
}

/** Strong ETag (quoted) for an answer on `dataVersion` to `path` with `query`. */
export function entityTag(dataVersion: string, path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([SERVICE.version, dataVersion, path, normaliseQuery(query)]))
    .digest('base64url')
    .slice(0, 22); // 132 bits: plenty against accidental collisions
  return `"${hash}"`;
}

/**
 * True when If-None-Match names `etag` or is `*`. RFC 9110 §13.1.2: the
 * comparison is weak, so a W/ prefix (added by some proxies) still matches.
 */
export function ifNoneMatchMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return value.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Sets ETag and Cache-Control on the reply. When the client's copy is
 * current, sends 304 (no body) and returns true: the handler must then
 * return the reply instead of an answer.
 */
export function sendNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (!ifNoneMatchMatches(request.headers['if-none-match'], etag)) return false;
  void reply.code(304).send();
  return true;
}

/** Wording shared by the descriptions of the cached operations. */
export const CACHING_NOTE =
  `Answers carry an ETag and \`Cache-Control: ${CACHE_CONTROL}\`; ` +
  'send the ETag back in If-None-Match to get 304 Not Modified while the data set is unchanged.';
