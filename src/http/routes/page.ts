/**
 * The planner's web page: `/` answers web/index.html, `/ui/…` its scripts,
 * styles and the libraries it uses (Leaflet, topojson-client and the Natural
 * Earth country outlines of world-atlas) straight from node_modules, so the
 * page works with no CDN and no tile server.
 *
 * Only the files listed here at start-up are served, from memory: a request
 * for anything else under /ui (including `..`, encoded or not) matches no
 * entry and is a 404 problem, so no path from the URL ever reaches the file
 * system. Not part of the API: hidden from the OpenAPI document.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ifNoneMatchMatches } from '../browse-etags.js';
import { sendProblem } from '../error-handler.js';

/** Where the page's own files live (HTML, CSS, ES modules). */
export const WEB_DIR = fileURLToPath(new URL('../../../web', import.meta.url));
export const PAGE_PATH = '/';
export const ASSET_PREFIX = '/ui/';

/**
 * Browsers revalidate every time (the files change with each deployment and
 * their URLs carry no version), and get 304 while the ETag still matches.
 */
export const PAGE_CACHE_CONTROL = 'no-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** Read asynchronously: 1.6 MB in all, read while the event loop keeps running (load shedding watches its delay). */
async function asset(file: string): Promise<Asset> {
  const contentType = CONTENT_TYPES[path.extname(file)];
  if (contentType === undefined) throw new Error(`page asset ${file}: no content type for its extension`);
  const body = await readFile(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, contentType, etag };
}

/** Every file under `dir` with a known content type, as paths relative to it with `/` separators. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full).map((f) => `${name}/${f}`));
    else if (CONTENT_TYPES[path.extname(name)] !== undefined) out.push(name);
  }
  return out;
}

/** The folder of an installed package, found through one file it is known to contain. */
function packageDir(knownFile: string): string {
  return path.dirname(createRequire(import.meta.url).resolve(knownFile));
}

/** URL path (after /ui/) → file, built once. */
export function assetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of filesUnder(WEB_DIR)) if (rel !== 'index.html') files.set(rel, path.join(WEB_DIR, rel));
  const leaflet = packageDir('leaflet/dist/leaflet.css');
  files.set('vendor/leaflet/leaflet.css', path.join(leaflet, 'leaflet.css'));
  files.set('vendor/leaflet/leaflet-src.esm.js', path.join(leaflet, 'leaflet-src.esm.js'));
  for (const img of filesUnder(path.join(leaflet, 'images'))) files.set(`vendor/leaflet/images/${img}`, path.join(leaflet, 'images', img));
  // topojson-client's ES module sources (its dist/ is a UMD bundle, not importable as a module).
  const topojson = packageDir('topojson-client/src/index.js');
  for (const js of filesUnder(topojson)) files.set(`vendor/topojson-client/${js}`, path.join(topojson, js));
  // Natural Earth 1:50m country outlines: detailed enough for the Caspian coast and the Afghan borders, 0.75 MB.
  files.set('vendor/world-atlas/countries-50m.json', createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'));
  return files;
}

function send(request: FastifyRequest, reply: FastifyReply, a: Asset): FastifyReply {
  reply.header('cache-control', PAGE_CACHE_CONTROL).header('etag', a.etag);
  if (ifNoneMatchMatches(request.headers['if-none-match'], a.etag)) return reply.code(304).send();
  return reply.type(a.contentType).send(a.body);
}

export const pageRoutes: FastifyPluginAsync = async (app) => {
  const page = await asset(path.join(WEB_DIR, 'index.html'));
  const assets = new Map<string, Asset>(
    await Promise.all([...assetFiles()].map(async ([rel, file]): Promise<[string, Asset]> => [rel, await asset(file)])),
  );

  app.get(PAGE_PATH, { schema: { hide: true } }, async (request, reply) => send(request, reply, page));

  app.get(`${ASSET_PREFIX}*`, { schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params as { '*'?: string })['*'] ?? '';
    const a = assets.get(rel);
    if (a === undefined) {
      return sendProblem(request, reply, { code: 'NOT_FOUND', detail: `No page asset at ${ASSET_PREFIX}${rel.slice(0, 200)}.` });
    }
    return send(request, reply, a);
  });
};
