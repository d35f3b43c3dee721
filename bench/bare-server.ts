/**
 * Reference server of the route benchmark: bare fastify (no logger, no
 * plugins, no schemas) answering GET /v1/routes with one constant JSON body
 * of BODY_BYTES bytes, sent as a Buffer. Its throughput is what the framework
 * and the socket allow for an answer of that size on this machine.
 * Env: PORT (required), HOST (default 127.0.0.1), BODY_BYTES (default 18000).
 */
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

const body = constantBody(bodyBytes);
const app = Fastify();
app.get('/v1/routes', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port, host });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
