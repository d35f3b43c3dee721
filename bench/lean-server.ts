/**
 * The service's app on the real data set WITHOUT its per-request plugins
 * (security headers, CORS, rate limit, load shedding, API keys, request-id
 * header, metrics counting) and with the log silenced: the route benchmark's
 * "framework + route" figure. It tells how much of the service's cost per
 * request is fastify, the route and its answer cache, and how much the
 * production plugins add. Not a way to run the service.
 * Env: PORT (required), HOST (default 127.0.0.1), DATA_DIR, ROUTE_CACHE_ENTRIES.
 */
import { parseConfig } from '../src/config.js';
import { loadNetwork } from '../src/domain/network/load-network.js';
import { PlaceIndex } from '../src/domain/network/place-index.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { loadEmissionFactors } from '../src/domain/emissions/load-emission-factors.js';
import { loadScenarios } from '../src/domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../src/domain/scenarios/scenario-registry.js';
import { buildApp } from '../src/http/app.js';
import { createLogger } from '../src/http/logger.js';

const config = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
const logger = createLogger(config);
const network = await loadNetwork(config.dataDir);
const prepared = prepareNetwork(network);
const app = await buildApp({
  config,
  places: new PlaceIndex(network.places),
  scenarios: new ScenarioRegistry(prepared, await loadScenarios(config.dataDir, network)),
  emissionFactors: await loadEmissionFactors(config.dataDir),
  logger,
}, { withoutRequestPlugins: true });
await app.listen({ port: config.port, host: config.host });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
