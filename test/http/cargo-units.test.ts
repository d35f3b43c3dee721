/**
 * Cargo as tonnes, TEU or FEU on /v1/routes and /v1/compare (fixture network,
 * Mary → Karachi route I: 3,205 km of rail without an electrification record,
 * so diesel: TTW 0.03159 + WTT 0.00691 kg CO2e/tkm).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CompareResponseSchema } from '../../src/http/schemas/compare.js';
import { RouteResponseSchema } from '../../src/http/schemas/route-response.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t));
});

const route = async (qs: string) => {
  const res = await app.inject({ method: 'GET', url: `/v1/routes?from=mary&to=karachi&${qs}` });
  assert.equal(res.statusCode, 200, res.body);
  return RouteResponseSchema.parse(res.json()).routes[0]!;
};
const problem = (res: LightMyRequestResponse) => res.json() as { code: string; errors?: { parameter: string }[]; parameter?: string };

describe('cargo units on /v1/routes', () => {
  it('1 TEU at the default 10 t/TEU: 3,205 km × 10 t → TTW 1,012.5, WTT 221.5, WTW 1,233.9 kg (each rounded on its own), the same per TEU', async () => {
    const r = await route('cargoTeu=1');
    assert.deepEqual(r.co2.cargo, { unit: 'TEU', count: 1, tonnes: 10, teu: 1, tonnesPerTeu: 10, defaultLoad: true });
    assert.equal(r.co2.cargoTonnes, 10);
    assert.equal(r.co2.ttwKgCo2e, 1012.5); // 32,050 tkm × 0.03159 = 1,012.4595
    assert.equal(r.co2.wttKgCo2e, 221.5); // × 0.00691 = 221.4655
    assert.equal(r.co2.wtwKgCo2e, 1233.9);
    assert.equal(r.co2.kgCo2e, 1233.9);
    assert.deepEqual(r.co2.perTeu, { ttwKgCo2e: 1012.5, wttKgCo2e: 221.5, wtwKgCo2e: 1233.9 });
  });

  it('TEU and tonnes agree: 1 TEU = 10 t; 2 FEU at 12 t/TEU = 4 TEU = 48 t, per TEU a quarter of the total', async () => {
    const teu = await route('cargoTeu=1');
    const tonnes = await route('cargoTonnes=10');
    assert.equal(teu.co2.kgCo2e, tonnes.co2.kgCo2e);
    assert.equal(tonnes.co2.perTeu, null);
    assert.equal(tonnes.co2.cargo.unit, 'tonnes');
    const feu = await route('cargoFeu=2&tonnesPerTeu=12');
    assert.deepEqual(feu.co2.cargo, { unit: 'FEU', count: 2, tonnes: 48, teu: 4, tonnesPerTeu: 12, defaultLoad: false });
    assert.ok(Math.abs(feu.co2.perTeu!.wtwKgCo2e - feu.co2.wtwKgCo2e / 4) <= 0.1);
  });

  it('POST takes the same fields; tonnes still default to 1 t', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/routes', payload: { from: 'mary', to: 'karachi', cargoTeu: 1 } });
    assert.equal(RouteResponseSchema.parse(res.json()).routes[0]!.co2.cargoTonnes, 10);
    assert.equal((await route('')).co2.cargoTonnes, 1);
  });

  it('a second unit, tonnesPerTeu alone and out-of-range values are 400s naming the field', async () => {
    const both = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&cargoTonnes=5&cargoTeu=1' });
    assert.equal(both.statusCode, 400);
    assert.deepEqual([problem(both).code, problem(both).parameter], ['INVALID_CONSTRAINT', 'cargoTeu']);
    const alone = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&tonnesPerTeu=8' });
    assert.deepEqual([problem(alone).code, problem(alone).parameter], ['INVALID_CONSTRAINT', 'tonnesPerTeu']);
    const range = await app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&cargoTeu=0&tonnesPerTeu=50' });
    assert.equal(problem(range).code, 'VALIDATION_ERROR');
    assert.deepEqual(problem(range).errors!.map((e) => e.parameter).sort(), ['cargoTeu', 'tonnesPerTeu']);
  });

  it('answers for 1 TEU and for 10 t differ (per TEU), so they never share a cache entry', async () => {
    const a = await route('cargoTeu=1');
    const b = await route('cargoTonnes=10');
    assert.notDeepEqual(a.co2, b.co2);
    assert.deepEqual((await route('cargoTeu=1')).co2, a.co2);
  });
});

describe('cargo units on /v1/compare', () => {
  it('cargoTeu=2 compares 20 t', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/compare?from=mary&to=karachi&scenarios=sarakhs-closed&cargoTeu=2' });
    const body = CompareResponseSchema.parse(res.json());
    assert.equal(body.query.cargoTonnes, 20);
    assert.equal(body.today.route!.co2Scope, 'WTW');
    assert.equal(body.today.route!.kgCo2e, Math.round(3205 * 20 * (0.03159 + 0.00691) * 10) / 10);
  });
});
