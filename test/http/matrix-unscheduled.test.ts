/**
 * Matrix cells flag ferry and sea legs without scheduled sailings: on the real
 * data set Gwadar's only ways out today are unscheduled sea hops (to Kiamari on
 * demand, to Chabahar none), so its row is empty by default and, with
 * allowUnscheduled, every reached cell counts the unscheduled legs it uses.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { MatrixResponseSchema } from '../../src/http/schemas/matrix.js';
import { REAL_DATA_DIR } from './helper.js';
import { withPlanningApp } from './planning-helper.js';

let app: FastifyInstance;
before(async (t) => {
  ({ app } = await withPlanningApp(t, REAL_DATA_DIR));
});

const matrix = async (payload: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url: '/v1/matrix', payload });
  assert.equal(res.statusCode, 200, res.body);
  return MatrixResponseSchema.parse(res.json());
};

describe('matrix cells and unscheduled sea legs', () => {
  it('by default Gwadar reaches nothing (no operational rail, no scheduled sailing), and Almaty → Kiamari has 0 unscheduled legs', async () => {
    const m = await matrix({ sources: ['gwadar', 'almaty'], targets: ['kiamari', 'chabahar'] });
    assert.deepEqual(m.cells[0], [null, null]);
    assert.equal(m.cells[1]![0]!.unscheduledLegs, 0);
  });

  it('with allowUnscheduled, Gwadar → Kiamari uses the on-demand hop and the cell says so', async () => {
    const m = await matrix({ sources: ['gwadar'], targets: ['kiamari'], allowUnscheduled: true });
    const cell = m.cells[0]![0]!;
    assert.ok(cell !== null);
    assert.equal(cell.unscheduledLegs, 1);
    assert.ok(cell.lowHours <= cell.typicalHours && cell.typicalHours <= cell.highHours);
  });
});
