/**
 * Reference server of the route benchmark: bare fastify (no logger, no
 * plugins, no schemas) answering GET /v1/routes with constant bytes kept in
 * memory, sent as a Buffer. Its throughput is what the framework and the
 * socket allow for those answers on this machine.
 *
 * With BODIES_FILE (what the benchmark uses), each URL of the mix gets the
 * exact bytes and content type the service answered it with, so both
 * servers write the same bytes and the load generator does the same work
 * per answer: autocannon decodes every body to a string, which costs it
 * about three times more for the real answers (UTF-8 with a few non-ASCII
 * characters) than for ASCII padding of the same size, enough to make it,
 * not the server, the bottleneck. Without it, every request gets one
 * constant ASCII JSON body of BODY_BYTES bytes.
 * Env: PORT (required), HOST (default 127.0.0.1), BODIES_FILE (JSON: URL →
 * [content type, body]) or BODY_BYTES (default 18000).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const bodyBytes = Number(process.env.BODY_BYTES ?? 18_000);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');

/** {"pad":"xxx…"} padded to exactly bodyBytes bytes of valid JSON. */
function constantBody(bytes: number): Buffer {
  const frame = '{"pad":""}';
  return Buffer.from(`{"pad":"${'x'.repeat(Math.max(0, bytes - frame.length))}"}`);
}

const JSON_TYPE = 'application/json; charset=utf-8';
const answers = new Map<string, { type: string; body: Buffer }>();
if (process.env.BODIES_FILE) {
  const kept = JSON.parse(readFileSync(process.env.BODIES_FILE, 'utf8')) as Record<string, [string, string]>;
  for (const [url, [type, body]] of Object.entries(kept)) answers.set(url, { type, body: Buffer.from(body, 'utf8') });
}
const constant = { type: JSON_TYPE, body: constantBody(bodyBytes) };

const app = Fastify();
app.get('/v1/routes', async (request, reply) => {
  const answer = answers.size === 0 ? constant : answers.get(request.url);
  if (answer === undefined) return reply.code(404).send();
  return reply.type(answer.type).send(answer.body);
});
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port, host });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
