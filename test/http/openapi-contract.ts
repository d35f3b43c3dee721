/**
 * The completeness rules of the OpenAPI document, as a walker that lists every
 * gap instead of stopping at the first: each operation has an operationId
 * (unique), declared tags, a summary, a description, an example on every
 * success media type, an example request body where it takes one and an
 * example for each required parameter; each 4xx/5xx answer is a problem
 * document; no two component schemas are identical. An example counts whether
 * it sits on the media type or parameter itself (`example`, or `examples`
 * whose entries have a value or point at components/examples) or on the
 * schema it uses, followed through $ref.
 */

type Json = Record<string, unknown>;

export const PROBLEM_REF = '#/components/schemas/Problem';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object a local $ref points at ("#/components/…"), or the value itself when it is no $ref. */
function deref(doc: Json, value: unknown): unknown {
  let current = value;
  // A chain of refs is followed; a cycle or a dangling ref ends as undefined.
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 10 || !current.$ref.startsWith('#/')) return undefined;
    let target: unknown = doc;
    for (const part of current.$ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    current = target;
  }
  return current;
}

/** An `examples` map with at least one entry that has a value (itself or through its $ref). */
function hasNamedExample(doc: Json, examples: unknown): boolean {
  if (!isObject(examples)) return false;
  return Object.values(examples).some((entry) => {
    const resolved = deref(doc, entry);
    return isObject(resolved) && resolved.value !== undefined;
  });
}

function schemaHasExample(doc: Json, schema: unknown): boolean {
  const resolved = deref(doc, schema);
  return isObject(resolved) && (resolved.example !== undefined || (Array.isArray(resolved.examples) && resolved.examples.length > 0));
}

/** A media type object (or parameter) shows an example, itself or through its schema. */
function hasExample(doc: Json, holder: Json): boolean {
  return holder.example !== undefined || hasNamedExample(doc, holder.examples) || schemaHasExample(doc, holder.schema);
}

/** Every rule broken by the document, one readable line each; empty when the document is complete. */
export function contractGaps(doc: Json): string[] {
  const gaps: string[] = [];
  const declared = new Set(Array.isArray(doc.tags) ? doc.tags.filter(isObject).map((t) => t.name) : []);
  const operationIds = new Map<string, string>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  if (Object.keys(paths).length === 0) gaps.push('the document has no paths');

  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const gap = (what: string) => gaps.push(`${name}: ${what}`);

      if (typeof op.operationId !== 'string' || op.operationId === '') gap('no operationId');
      else if (operationIds.has(op.operationId)) gap(`operationId ${op.operationId} also used by ${operationIds.get(op.operationId)}`);
      else operationIds.set(op.operationId, name);

      const tags = Array.isArray(op.tags) ? op.tags : [];
      if (tags.length === 0) gap('no tag');
      for (const tag of tags) if (!declared.has(tag)) gap(`tag "${String(tag)}" is not declared in the top-level tags`);
      if (typeof op.summary !== 'string' || op.summary.trim() === '') gap('no summary');
      if (typeof op.description !== 'string' || op.description.trim() === '') gap('no description');

      for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const param = deref(doc, raw);
        if (!isObject(param)) continue;
        if ((param.required === true || param.in === 'path') && !hasExample(doc, param)) {
          gap(`required ${String(param.in)} parameter "${String(param.name)}" has no example`);
        }
      }

      if (op.requestBody !== undefined) {
        const body = deref(doc, op.requestBody);
        const content = isObject(body) && isObject(body.content) ? body.content : {};
        if (Object.keys(content).length === 0) gap('request body has no content');
        for (const [mediaType, media] of Object.entries(content)) {
          if (!isObject(media) || !hasExample(doc, media)) gap(`request body ${mediaType} has no example`);
        }
      }

      const responses = isObject(op.responses) ? op.responses : {};
      const statuses = Object.keys(responses);
      if (!statuses.some((s) => s.startsWith('2'))) gap('no 2xx response');
      for (const status of statuses) {
        const response = deref(doc, responses[status]);
        const content = isObject(response) && isObject(response.content) ? response.content : {};
        if (status.startsWith('2')) {
          // A 2xx without content (204) has nothing to show.
          for (const [mediaType, media] of Object.entries(content)) {
            if (!isObject(media) || !hasExample(doc, media)) gap(`${status} ${mediaType} has no example`);
          }
        } else if (status.startsWith('4') || status.startsWith('5')) {
          const media = Object.entries(content);
          if (media.length === 0) gap(`${status} has no problem document`);
          for (const [mediaType, m] of media) {
            if (!isObject(m) || !isObject(m.schema) || m.schema.$ref !== PROBLEM_REF) gap(`${status} ${mediaType} does not use ${PROBLEM_REF}`);
          }
        }
      }
    }
  }

  // A schema emitted twice under two names (e.g. X and XInput with nothing between them that differs) is a needless copy.
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const seen = new Map<string, string>();
  for (const [name, schema] of Object.entries(components)) {
    const text = JSON.stringify(schema);
    const first = seen.get(text);
    if (first !== undefined) gaps.push(`components/schemas: ${name} is an identical copy of ${first}`);
    else seen.set(text, name);
  }
  return gaps;
}
