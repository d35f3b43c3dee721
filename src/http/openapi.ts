/**
 * OpenAPI settings for @fastify/swagger: document info and tags, and the two
 * transforms that turn the zod schemas into the document
 * (fastify-type-provider-zod's, plus two fixes described below).
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SERVICE } from './service-info.js';

export const OPENAPI_INFO = {
  title: 'Corridor route planner',
  version: SERVICE.version,
  description:
    'Plans freight routes over the rail corridors of Central and South Asia (Kazakhstan–Turkmenistan–Afghanistan–Pakistan, ' +
    'the North–South corridor through Iran, the Middle Corridor across the Caspian, Uzbekistan–Afghanistan–Pakistan, ' +
    "Pakistan's lines and the sea legs to Mumbai): distance, transit time as low / typical / high, border crossings and gauge " +
    "changes, for today's network and for scenarios with planned lines. Every figure of the data set cites its source or is " +
    'marked as an estimate. Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.',
};

export const OPENAPI_TAGS = [
  { name: 'routes', description: 'Plan routes between places.' },
  { name: 'planning', description: 'Compare scenarios, travel-cost matrices and reachability.' },
  { name: 'scenarios', description: 'Named "what if" scenarios: lines built, crossings opened or closed.' },
  { name: 'info', description: 'Service and data-set information.' },
  { name: 'health', description: 'Liveness and readiness probes.' },
];

type MediaExamples = { example?: unknown; examples?: unknown };
type Responses = Record<string, { content?: Record<string, MediaExamples> } | null | undefined>;

/**
 * jsonSchemaTransform keeps only `schema` from a response's content entries;
 * this puts back the `example` / `examples` written next to it, so the
 * document shows example bodies per response.
 */
export const openapiTransform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const source = (input.schema as { response?: Responses } | undefined)?.response;
  const target = (out.schema as { response?: Responses } | undefined)?.response;
  if (!source || !target) return out;
  for (const [status, response] of Object.entries(source)) {
    const outContent = target[status]?.content;
    if (!response?.content || !outContent) continue;
    for (const [mediaType, media] of Object.entries(response.content)) {
      const outMedia = outContent[mediaType];
      if (!outMedia) continue;
      if (media.example !== undefined) outMedia.example = media.example;
      if (media.examples !== undefined) outMedia.examples = media.examples;
    }
  }
  return out;
};

/** Every "#/components/schemas/X" named anywhere inside `value`. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) into.add(v.slice(21));
      else collectRefs(v, into);
    }
  }
}

/**
 * Components as fastify-type-provider-zod emits them, minus those nothing
 * uses: every schema registered with an id is emitted twice (X for answers,
 * XInput for requests), and most of the copies are never referenced.
 */
export const openapiTransformObject: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return doc as ReturnType<SwaggerTransformObject>;
  const used = new Set<string>();
  collectRefs(doc.paths, used);
  // Follow references between components until nothing new turns up.
  const queue = [...used];
  while (queue.length > 0) {
    const found = new Set<string>();
    collectRefs(schemas[queue.pop() as string], found);
    for (const name of found) {
      if (!used.has(name)) {
        used.add(name);
        queue.push(name);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } } as ReturnType<SwaggerTransformObject>;
};
