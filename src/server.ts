/**
 * Process entry point: configuration → logger → network (validated, prepared,
 * indexed) → HTTP app → listen. A bad data set stops the process with exit
 * code 1 and the list of problems on stderr; SIGTERM/SIGINT close the server
 * cleanly (in-flight requests finish) within SHUTDOWN_TIMEOUT_MS.
 */
import { parseConfig } from './config.js';
import { InvalidDataError } from './domain/errors.js';
import { loadNetwork } from './domain/network/load-network.js';
import { PlaceIndex } from './domain/network/place-index.js';
import { prepareNetwork } from './domain/routing/prepare.js';
import { loadEmissionFactors } from './domain/emissions/load-emission-factors.js';
import { loadCalendars } from './domain/calendar/load-calendars.js';
import { loadScenarios } from './domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from './domain/scenarios/scenario-registry.js';
import { buildApp } from './http/app.js';
import type { Fleet } from './http/fleet/fleet.js';
import { createLogger } from './http/logger.js';
import { buildLandmarksOffThread, type LandmarkBuild } from './workers/landmarks-off-thread.js';

/** How long idle keep-alive sockets stay open after SIGTERM before they are closed, ms. */
const DRAIN_GRACE_MS = 1_000;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }

  // JSON lines on stdout; X-API-Key and other secrets are redacted (http/logger.ts).
  const logger = createLogger(config);
  // A fault outside any request: log it as one line and stop, so the orchestrator restarts a clean process.
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection; exiting');
    process.exit(1);
  });

  /** Set once SIGTERM or SIGINT arrived. */
  let shuttingDown = false;
  let network;
  let scenarioList;
  let emissionFactors;
  let calendars;
  try {
    network = await loadNetwork(config.dataDir);
    scenarioList = await loadScenarios(config.dataDir, network);
    emissionFactors = await loadEmissionFactors(config.dataDir);
    calendars = await loadCalendars(config.dataDir, network);
  } catch (err) {
    if (err instanceof InvalidDataError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const started = performance.now();
  // The landmark tables (an A* speed-up, not part of any answer) are built on a worker thread meanwhile, so
  // readiness does not wait for them; until they are in, searches use the great-circle bound alone.
  const prepared = prepareNetwork(network, { landmarks: 'later' });
  const landmarks = buildLandmarksOffThread(prepared.space);
  landmarks.done.then(
    (ms) => logger.info({ landmarksMs: Math.round(ms) }, 'landmark tables ready'),
    (err: unknown) => {
      if (!shuttingDown) logger.error({ err }, 'landmark tables failed; searches go on with the great-circle bound alone');
    },
  );
  const places = new PlaceIndex(network.places);
  // Scenario and planning-month networks, prepared on first use, get their landmark tables the same way.
  const laterBuilds = new Set<LandmarkBuild>();
  const scenarios = new ScenarioRegistry(prepared, scenarioList, {
    landmarksLater: (space) => {
      const build = buildLandmarksOffThread(space);
      laterBuilds.add(build);
      build.done.then(
        (ms) => logger.info({ landmarksMs: Math.round(ms) }, 'landmark tables of a scenario network ready'),
        (err: unknown) => {
          if (!shuttingDown) logger.error({ err }, 'landmark tables of a scenario network failed; its searches go on with the great-circle bound alone');
        },
      ).finally(() => laterBuilds.delete(build));
    },
  });
  logger.info(
    {
      dataDir: config.dataDir,
      dataVersion: network.parameters.dataVersion,
      places: network.places.length,
      links: network.links.length,
      crossings: network.crossings.length,
      scenarios: scenarioList.length,
      prepareMs: Math.round(performance.now() - started),
    },
    'network loaded',
  );

  // REDIS_URL: rate limits and answers shared across replicas. REDIS_REQUIRED chooses whether start-up waits for
  // it (and fails) or starts without it and reconnects in the background, serving per-instance meanwhile.
  let fleet: Fleet | null = null;
  if (config.redis) {
    // Loaded only here: the Redis client is about a tenth of a second of module loading that a single
    // instance (no REDIS_URL) never needs.
    const { createFleet } = await import('./http/fleet/fleet.js');
    fleet = createFleet(config.redis, (state, err) => {
      if (state === 'down') logger.warn({ redis: state, err: err?.message }, 'redis unavailable; rate limits and shared answers follow their fault policy');
      else logger.info({ redis: state }, 'redis connection state');
    });
    const ready = await fleet.redis.waitReady(config.redis.connectTimeoutMs);
    if (!ready && config.redis.required) {
      process.stderr.write(`failed to start: Redis at REDIS_URL did not answer within ${config.redis.connectTimeoutMs} ms (REDIS_REQUIRED=true); start Redis, or set REDIS_REQUIRED=false to start without it\n`);
      process.exit(1);
    }
    if (!ready) logger.warn({ timeoutMs: config.redis.connectTimeoutMs }, 'starting without redis (REDIS_REQUIRED=false); reconnecting in the background');
  }

  const app = await buildApp({ config, places, scenarios, emissionFactors, calendars, logger, fleet });
  app.addHook('onClose', async () => {
    await Promise.all([landmarks.stop(), ...[...laterBuilds].map((b) => b.stop())]);
  });
  if (fleet) {
    const connection = fleet.redis;
    app.addHook('onClose', async () => connection.close());
  }

  // Stop accepting, let in-flight requests finish (/ready answers 503 meanwhile), exit 0;
  // exit 1 if that takes longer than SHUTDOWN_TIMEOUT_MS.
  const shutdownTimeoutMs = config.shutdownTimeoutMs;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: shutdownTimeoutMs }, 'shutdown timed out; forcing exit');
      process.exit(1);
    }, shutdownTimeoutMs);
    timer.unref();
    // Answers carry Connection: close from now on (hooks/draining.ts), so busy keep-alive clients leave after
    // their current answer. A socket idle right now may be carrying a request already on its way: closing it
    // at once resets that request. So idle sockets are closed only after a grace, then swept every 100 ms
    // (an idle keep-alive socket would otherwise hold the server open until KEEP_ALIVE_TIMEOUT_MS).
    // Node's server.close() itself closes every idle socket at once (since Node 19), so it is held off for
    // the grace: the listener still closes at once, the idle sockets only after the grace.
    const closeIdle = app.server.closeIdleConnections.bind(app.server);
    app.server.closeIdleConnections = () => undefined;
    const grace = setTimeout(() => {
      app.server.closeIdleConnections = closeIdle;
      closeIdle();
      setInterval(closeIdle, 100).unref();
    }, Math.min(DRAIN_GRACE_MS, shutdownTimeoutMs / 2));
    grace.unref();
    app.close().then(
      () => {
        logger.info('server closed');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // The usual operator mistakes get one line that says what to change, not a stack trace.
    const code = (err as NodeJS.ErrnoException).code;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') process.stderr.write(`failed to start: port ${config.port} is already in use on ${config.host} (another process listens there); set PORT to a free port\n`);
    else if (code === 'EACCES') process.stderr.write(`failed to start: not allowed to listen on ${where} (ports below 1024 need privileges); set PORT to 1024 or above\n`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') process.stderr.write(`failed to start: HOST ${config.host} is not an address of this machine; set HOST to one (0.0.0.0 for all)\n`);
    else throw err;
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  // Start-up failures other than bad data (port in use, unreadable data folder): log and stop.
  process.stderr.write(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
