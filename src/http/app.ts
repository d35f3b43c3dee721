/**
 * Builds the HTTP application: fastify with zod validation and serialisation,
 * the OpenAPI document and its UI at /docs, problem+json errors, one log line
 * per request, and the routes. Never listens: src/server.ts does, tests use
 * inject(), scripts/generate-openapi.ts only reads the document.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { PlaceIndex } from '../domain/network/place-index.js';
import type { Network } from '../domain/network/schema.js';
import type { PreparedNetwork } from '../domain/routing/prepare.js';
import { installProblemHandlers } from './problem.js';
import { installRequestLog } from './request-log.js';
import { registerRoutes } from './routes/index.js';
import { OPENAPI_INFO, OPENAPI_TAGS, openapiTransform, openapiTransformObject } from './openapi.js';
import { openapiExamples } from './schemas/route-examples.js';

export interface AppDeps {
  config: Config;
  network: Network;
  prepared: PreparedNetwork;
  places: PlaceIndex;
  logger: FastifyBaseLogger;
}

/** Route questions are small; a larger body is a mistake or abuse. 64 KiB. */
const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // request-log.ts writes one line per request instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installRequestLog(app);
  installProblemHandlers(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: OPENAPI_INFO,
      tags: OPENAPI_TAGS,
      components: { examples: openapiExamples() },
    },
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await registerRoutes(app, deps);
  return app;
}
