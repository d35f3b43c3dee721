/**
 * nullableWithType turns zod's nullable composites into OpenAPI 3.0.3 schemas
 * that accept null, with literal before/after pairs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nullableWithType } from '../../src/http/openapi-oas30.js';

const doc = (schema: unknown) => ({ components: { schemas: { Ref: { type: 'object', properties: {} }, S: schema } } });

describe('nullableWithType', () => {
  it('a nullable $ref under allOf becomes anyOf [ref, null of the same type]', () => {
    const out = nullableWithType(doc({ nullable: true, description: 'd', allOf: [{ $ref: '#/components/schemas/Ref' }] }));
    assert.deepEqual(out.components.schemas.S, {
      description: 'd',
      anyOf: [{ $ref: '#/components/schemas/Ref' }, { type: 'object', nullable: true, enum: [null] }],
    });
  });

  it('single-value enums of one type collapse to one enum with null', () => {
    const out = nullableWithType(doc({ nullable: true, anyOf: [{ type: 'number', enum: [1520] }, { type: 'number', enum: [1435] }] }));
    assert.deepEqual(out.components.schemas.S, { nullable: true, type: 'number', enum: [1520, 1435, null] });
  });

  it('a nullable enum gets null among its values; a schema with a type is otherwise untouched', () => {
    const out = nullableWithType(doc({ type: 'string', nullable: true, enum: ['single', 'double'] }));
    assert.deepEqual(out.components.schemas.S, { type: 'string', nullable: true, enum: ['single', 'double', null] });
    const plain = nullableWithType(doc({ type: 'string', nullable: true }));
    assert.deepEqual(plain.components.schemas.S, { type: 'string', nullable: true });
  });

  it('leaves a composite of mixed types as it is, for the linters to name', () => {
    const mixed = { nullable: true, anyOf: [{ type: 'number' }, { type: 'string' }] };
    assert.deepEqual(nullableWithType(doc(structuredClone(mixed))).components.schemas.S, mixed);
  });
});
