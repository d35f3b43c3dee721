/**
 * Makes the JSON Schema that fastify-type-provider-zod writes valid
 * OpenAPI 3.0.3, as Redocly and Spectral read it. zod's nullable composites
 * come out as `{ nullable: true, allOf: [{ $ref }] }` or
 * `{ nullable: true, anyOf: [{ type: number, enum: [1520] }, …] }`; in 3.0
 * `nullable` only applies next to a `type`, so such a schema says nothing
 * about null and the linters reject it (and every example holding a null).
 * The fix keeps the meaning and adds the type:
 * - one `$ref` under allOf/anyOf/oneOf: `anyOf: [{ $ref }, { type, nullable,
 *   enum: [null] }]` with the referenced component's type (a `$ref` under allOf
 *   would still reject null, whatever `nullable` says beside it);
 * - alternatives that all share one type: that type, and when each is a
 *   single-value enum, one enum of all the values plus null.
 * And a nullable enum lists null among its values, as 3.0.3 requires.
 * Any other nullable composite is left as it is (the linters then name it).
 */
type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

function refType(ref: unknown, components: Record<string, unknown>): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return undefined;
  const target = components[ref.slice('#/components/schemas/'.length)];
  return isObject(target) && typeof target.type === 'string' ? target.type : undefined;
}

/** Rewrites one nullable schema without a type in place, when its alternatives allow it. */
function addType(schema: Schema, components: Record<string, unknown>): void {
  const key = (['allOf', 'anyOf', 'oneOf'] as const).find((k) => Array.isArray(schema[k]));
  if (key === undefined) return;
  const parts = (schema[key] as unknown[]).filter(isObject);
  if (parts.length === 1 && typeof parts[0]!.$ref === 'string') {
    const type = refType(parts[0]!.$ref, components);
    if (type === undefined) return;
    delete schema[key];
    delete schema.nullable;
    schema.anyOf = [{ $ref: parts[0]!.$ref }, { type, nullable: true, enum: [null] }];
    return;
  }
  const types = new Set(parts.map((p) => p.type));
  const [type] = [...types];
  if (types.size !== 1 || typeof type !== 'string') return;
  if (parts.every((p) => Array.isArray(p.enum) && Object.keys(p).every((k) => k === 'type' || k === 'enum'))) {
    delete schema[key];
    schema.type = type;
    schema.enum = [...parts.flatMap((p) => p.enum as unknown[]), null];
    return;
  }
  schema.type = type;
}

/** Walks the whole document (paths and components) and fixes every nullable schema without a type. */
export function nullableWithType<T>(doc: T): T {
  const components = (isObject(doc) && isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}) as Record<string, unknown>;
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const s = v as Schema;
    if (s.nullable === true && s.type === undefined) addType(s, components);
    if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...(s.enum as unknown[]), null];
    for (const x of Object.values(s)) walk(x);
  };
  walk(doc);
  return doc;
}
