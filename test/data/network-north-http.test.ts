/**
 * The README's lookup examples answer on the real data set through HTTP:
 * `Türkmenbaşy` (it used to answer 404), a Cyrillic name and a UN/LOCODE.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';
import { REAL_DATA_DIR } from '../http/helper.js';
import { withPlanningApp } from '../http/planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t, REAL_DATA_DIR, { ROUTE_CACHE_ENTRIES: '0' }));
});

describe('README lookup examples on the real network', () => {
  for (const [from, to, fromId, toId] of [
    ['Türkmenbaşy', 'Baku', 'turkmenbashi', 'baku'],
    ['Алматы', 'Ташкент', 'almaty', 'tashkent'],
    ['KZALA', 'CNURM', 'almaty', 'urumqi'],
  ] as const) {
    it(`${from} → ${to} answers 200 from ${fromId} to ${toId}`, async () => {
      const res = await app.inject({ method: 'GET', url: `/v1/routes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = RouteResponseSchema.parse(res.json());
      assert.equal(body.query.from.id, fromId);
      assert.equal(body.query.to.id, toId);
      assert.ok(body.routes[0]!.distanceKm > 0);
    });
  }
});
