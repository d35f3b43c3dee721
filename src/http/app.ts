/**
 * Builds the HTTP application: fastify with zod validation and serialisation,
 * the OpenAPI document and its UI at /docs, problem+json errors, one log line
 * per request, and the routes. Never listens: src/server.ts does, tests use
 * inject(), scripts/generate-openapi.ts only reads the document.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { routeDeps, type AppDeps } from './deps.js';
import { registerFleetMetrics } from './fleet/fleet-metrics.js';
import { API_KEY_SCHEME, API_KEY_SECURITY_SCHEME, installApiKey, withApiKeySecurity } from './hooks/api-key.js';
import { installMetrics, registerAnswerCacheMetrics } from './hooks/metrics.js';
import { installRequestId, requestIdFrom } from './hooks/request-id.js';
import { registerSecurity, securityServerOptions } from './hooks/security.js';
import { installDraining } from './hooks/draining.js';
import { installPrepareAhead } from './hooks/prepare-ahead.js';
import { installJsonBodyParser } from './hooks/json-body.js';
import { frameworkErrorHandler, installProblemHandlers } from './error-handler.js';
import { installRequestLog } from './request-log.js';
import { RouteAnswerCache } from './route-answer-cache.js';
import { registerRoutes } from './routes/index.js';
import { metricsRoutes } from './routes/metrics.js';
import { OPENAPI_INFO, OPENAPI_TAGS, openapiTransform, openapiTransformObject } from './openapi.js';
import { openapiExamples } from './schemas/route-examples.js';
import { PlanningPool } from '../workers/planning-pool.js';

export type { AppDeps } from './deps.js';

export interface AppOptions {
  /**
   * Benchmark only (bench/lean-server.ts): the framework and the routes
   * without the per-request plugins (security headers, CORS, rate limit,
   * load shedding, API keys, request-id header, metrics), to tell their cost
   * from the framework's. The service never sets it.
   */
  withoutRequestPlugins?: boolean;
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // request-log.ts writes one line per request instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Body size, request/connection/keep-alive timeouts, proxy trust (BODY_LIMIT_BYTES, … in config.ts).
    ...securityServerOptions(deps.config),
    // X-Request-Id when valid, else a UUID; echoed by installRequestId.
    genReqId: requestIdFrom,
    // Malformed URLs are answered as problems too.
    frameworkErrors: frameworkErrorHandler,
    // Draining (hooks/draining.ts): requests on sockets still open after close() begins are answered, with
    // Connection: close, instead of 503; idle sockets are closed by the server's shutdown after a grace.
    return503OnClosing: false,
    forceCloseConnections: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const lean = options.withoutRequestPlugins === true;
  if (!lean) installRequestId(app);
  // First onRequest hook that the others depend on: it reads the route pattern once (request.routeUrl).
  installRequestLog(app);
  const metrics = installMetrics(app, deps.scenarios.base.network, { countRequests: !lean });
  if (deps.fleet) registerFleetMetrics(metrics.registry, deps.fleet);
  if (!lean) await registerSecurity(app, deps.config, deps.fleet ?? null);
  if (!lean) installApiKey(app, deps.config.apiKeys);
  installProblemHandlers(app);
  installJsonBodyParser(app);
  installDraining(app);
  // Scenario and planning-month networks are prepared in slices before the handler, not in one piece inside it.
  installPrepareAhead(app, deps.scenarios, deps.config.planBudget.deadlineMs);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: OPENAPI_INFO,
      tags: OPENAPI_TAGS,
      components: { examples: openapiExamples(), securitySchemes: { [API_KEY_SCHEME]: API_KEY_SECURITY_SCHEME } },
    },
    transform: withApiKeySecurity(openapiTransform, deps.config.apiKeys.length > 0),
    transformObject: openapiTransformObject,
  });
  // No external validator badge: it would send the document's address to validator.swagger.io.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });
  await app.register(metricsRoutes, { metrics });

  // Heavy questions run in worker threads when PLAN_WORKERS > 0; the app is ready once every worker has loaded the data.
  const pool = deps.config.planWorkers > 0 ? new PlanningPool(deps.config.planWorkers, deps.config.dataDir) : null;
  if (pool !== null) {
    await pool.ready();
    app.addHook('onClose', async () => pool.close());
  }
  // One answer cache per app, i.e. per immutable data set; GET and POST /v1/routes share it.
  const { routeCacheEntries, routeCacheMaxBytes } = deps.config;
  const answerCache = routeCacheEntries > 0 ? new RouteAnswerCache(routeCacheEntries, routeCacheMaxBytes, deps.fleet?.answers ?? null) : null;
  if (answerCache !== null) registerAnswerCacheMetrics(metrics.registry, answerCache);
  await registerRoutes(app, routeDeps(deps, pool, answerCache));
  return app;
}
