/**
 * Builds the HTTP application: fastify with zod validation and serialisation,
 * the OpenAPI document and its UI at /docs, problem+json errors, one log line
 * per request, and the routes. Never listens: src/server.ts does, tests use
 * inject(), scripts/generate-openapi.ts only reads the document.
 */
import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { PlaceIndex } from '../domain/network/place-index.js';
import type { Network } from '../domain/network/schema.js';
import type { PreparedNetwork } from '../domain/routing/prepare.js';
import { installProblemHandlers } from './problem.js';
import { installRequestLog } from './request-log.js';
import { registerRoutes } from './routes/index.js';
import { SERVICE } from './service-info.js';

export interface AppDeps {
  config: Config;
  network: Network;
  prepared: PreparedNetwork;
  places: PlaceIndex;
  logger: FastifyBaseLogger;
}

/** Route questions are small; a larger body is a mistake or abuse. 64 KiB. */
const BODY_LIMIT_BYTES = 64 * 1024;

export const OPENAPI_TAGS = [
  { name: 'routes', description: 'Plan routes between places.' },
  { name: 'info', description: 'Service and data-set information.' },
  { name: 'health', description: 'Liveness and readiness probes.' },
];

type MediaExamples = { example?: unknown; examples?: unknown };

/**
 * jsonSchemaTransform keeps only `schema` from a response's content entries;
 * this puts back the `example` / `examples` written next to it, so the
 * document shows an example body per response.
 */
const transform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const source = (input.schema as { response?: Record<string, unknown> } | undefined)?.response;
  const target = (out.schema as { response?: Record<string, { content?: Record<string, MediaExamples> }> } | undefined)
    ?.response;
  if (!source || !target) return out;
  for (const [status, response] of Object.entries(source)) {
    const content = (response as { content?: Record<string, MediaExamples> } | null)?.content;
    const outContent = target[status]?.content;
    if (!content || !outContent) continue;
    for (const [mediaType, media] of Object.entries(content)) {
      const outMedia = outContent[mediaType];
      if (!outMedia) continue;
      if (media.example !== undefined) outMedia.example = media.example;
      if (media.examples !== undefined) outMedia.examples = media.examples;
    }
  }
  return out;
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // request-log.ts writes one line per request instead of fastify's two.
    disableRequestLogging: true,
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installRequestLog(app);
  installProblemHandlers(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Corridor route planner',
        version: SERVICE.version,
        description:
          'Plans freight routes over the rail corridors of Central and South Asia (Kazakhstan–Turkmenistan–Afghanistan–Pakistan, ' +
          'the North–South corridor through Iran, the Middle Corridor across the Caspian, Uzbekistan–Afghanistan–Pakistan, ' +
          "Pakistan's lines and the sea legs): distance, transit time as low / typical / high, border crossings and gauge changes, " +
          'for today\'s network and for scenarios with planned lines. Every figure of the data set cites its source or is marked ' +
          'as an estimate. Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.',
      },
      tags: OPENAPI_TAGS,
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await registerRoutes(app, deps);
  return app;
}
