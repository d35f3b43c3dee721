/**
 * A planning worker thread: loads and prepares the data set once (today and
 * its scenarios, as the service does), then answers matrix questions sent by
 * planning-pool.ts, each under the work budget it comes with. Runs the same
 * domain code as the main thread, so its answers are the same.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WorkBudget, type BudgetLimits } from '../domain/graph/budget.js';
import { DomainError } from '../domain/errors.js';
import { loadNetwork } from '../domain/network/load-network.js';
import { matrixRow } from '../domain/planning/matrix.js';
import type { TravelCost, TravelCostOptions } from '../domain/routing/one-to-many.js';
import { prepareNetwork } from '../domain/routing/prepare.js';
import { loadScenarios } from '../domain/scenarios/load-scenarios.js';
import { ScenarioRegistry } from '../domain/scenarios/scenario-registry.js';

export interface MatrixJob {
  id: number;
  kind: 'matrix';
  scenario: string | null;
  sources: string[];
  targets: string[];
  opts: TravelCostOptions;
  limits: BudgetLimits;
}

export type JobReply =
  | { id: number; ok: true; rows: (TravelCost | null)[][] }
  | { id: number; ok: false; error: { code: DomainError['code'] | 'INTERNAL'; message: string; details: Record<string, unknown> } };

const { dataDir } = workerData as { dataDir: string };
const network = await loadNetwork(dataDir);
const registry = new ScenarioRegistry(prepareNetwork(network), await loadScenarios(dataDir, network));
const port = parentPort!;
port.postMessage({ ready: true });

port.on('message', (job: MatrixJob) => {
  let reply: JobReply;
  try {
    const prepared = job.scenario === null ? registry.base : registry.scenario(job.scenario).prepared;
    // Deadline and counts as on the main thread: one budget for the whole matrix.
    const budget = new WorkBudget(job.limits);
    reply = { id: job.id, ok: true, rows: job.sources.map((s) => matrixRow(prepared, s, job.targets, job.opts, { budget })) };
  } catch (err) {
    reply =
      err instanceof DomainError
        ? { id: job.id, ok: false, error: { code: err.code, message: err.message, details: err.details } }
        : { id: job.id, ok: false, error: { code: 'INTERNAL', message: String(err), details: {} } };
  }
  port.postMessage(reply);
});
