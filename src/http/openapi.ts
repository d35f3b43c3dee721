/**
 * OpenAPI settings for @fastify/swagger: document info and tags, and the two
 * transforms that turn the zod schemas into the document
 * (fastify-type-provider-zod's, plus the fixes described below), and the
 * real example answers and request bodies put on the operations.
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { nullableWithType } from './openapi-oas30.js';
import { exampleSummary, OPERATION_EXAMPLES, readSavedAnswer } from './schemas/operation-examples.js';
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
  {
    name: 'network',
    description:
      'Browse the network the routes are planned on: places, links, border crossings and corridors with their figures, ' +
      'status and sources, and the whole network as GeoJSON for maps.',
  },
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
  addOperationExamples(doc.paths as Paths);
  return nullableWithType({
    ...doc,
    // Relative to wherever the document is served from, so "Try it out" asks this very service.
    servers: [{ url: '/', description: 'This service' }],
    components: { ...doc.components, schemas: kept },
  }) as ReturnType<SwaggerTransformObject>;
};

type NamedExamples = Record<string, { summary: string; value: unknown }>;
type Media = { examples?: NamedExamples };
type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Paths = Record<string, Record<string, Operation>>;

/**
 * Puts the examples of schemas/operation-examples.ts on their operations, by
 * operationId: the saved real answer on the 200 media type it came in, the
 * request body on the JSON request body. Swagger UI's "Try it out" starts from
 * the first request body example. The answers are read here, when the document
 * is built, so `npm run openapi` can save fresh ones first.
 */
function addOperationExamples(paths: Paths | undefined): void {
  for (const [path, item] of Object.entries(paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      for (const example of OPERATION_EXAMPLES.filter((e) => e.operationId === op.operationId)) {
        const where = `${method.toUpperCase()} ${path} (${example.name})`;
        if (example.request.body !== undefined) {
          const media = op.requestBody?.content?.['application/json'];
          if (!media) throw new Error(`${where}: no application/json request body to show the example on`);
          const summary = `The question the ${example.name} answer example answers`;
          media.examples = { ...media.examples, [example.name]: { summary, value: example.request.body } };
        }
        if (example.answer) {
          const media = op.responses?.['200']?.content?.[example.answer.mediaType];
          if (!media) throw new Error(`${where}: no 200 ${example.answer.mediaType} answer to show the example on`);
          media.examples = { ...media.examples, [example.name]: { summary: exampleSummary(example), value: readSavedAnswer(example.answer) } };
        }
      }
    }
  }
}
