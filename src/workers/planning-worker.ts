/**
 * A planning worker thread: loads and prepares the data set once (today and
 * its scenarios, as the service does), then answers the questions sent by
 * planning-pool.ts (matrices, routes, reachability), each under the work
 * budget it comes with. It runs the planning use case (domain/planning/answer.ts)
 * as the main thread does, so its answers are the same.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BudgetLimits } from '../domain/graph/budget.js';
import { DomainError } from '../domain/errors.js';
import { loadEmissionFactors } from '../domain/emissions/load-emission-factors.js';
import { loadNetwork } from '../domain/network/load-network.js';
import { PlaceIndex } from '../domain/network/place-index.js';
import { answerRoute, type PlanningData, type RouteAnswer, type RouteQuestion } from '../domain/planning/answer.js';
import { reachablePlaces, type TravelCostQuestion } from '../domain/planning/answer-views.js';
import { matrixRow } from '../domain/planning/matrix.js';
import { planningNetwork, scenarioOf } from '../domain/planning/planning-network.js';
import type { Reachable } from '../domain/planning/reachability.js';
import { WorkBudget } from '../domain/graph/budget.js';
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

/** A resolved route question without request overlays; the scenario by id (its object does not cross threads). */
export interface RouteJob {
  id: number;
  kind: 'route';
  question: Omit<RouteQuestion, 'scenario'> & { scenario: string | null };
  limits: BudgetLimits;
}

export interface ReachabilityJob {
  id: number;
  kind: 'reachability';
  scenario: string | null;
  from: string;
  maxHours: number;
  opts: TravelCostOptions;
  limits: BudgetLimits;
}

export type PlanningJob = MatrixJob | RouteJob | ReachabilityJob;

/** What a route job sends back: the planned part of the answer (the network stays in each thread). */
export type RouteResult = Pick<RouteAnswer, 'routes' | 'emissions' | 'explanations'>;

export type JobResult = (TravelCost | null)[][] | RouteResult | Reachable[];

export type JobReply =
  | { id: number; ok: true; result: JobResult }
  | { id: number; ok: false; error: { code: DomainError['code'] | 'INTERNAL'; message: string; details: Record<string, unknown> } };

const { dataDir } = workerData as { dataDir: string };
const network = await loadNetwork(dataDir);
const registry = new ScenarioRegistry(prepareNetwork(network), await loadScenarios(dataDir, network));
const data: PlanningData = { scenarios: registry, places: new PlaceIndex(network.places), emissionFactors: await loadEmissionFactors(dataDir) };
const port = parentPort!;
port.postMessage({ ready: true });

function run(job: PlanningJob): JobResult {
  // Deadline and counts as on the main thread: one budget for the whole question.
  const withBudget: PlanningData = { ...data, budget: job.limits };
  if (job.kind === 'route') {
    const question: RouteQuestion = { ...job.question, scenario: scenarioOf(registry, job.question.scenario ?? undefined) };
    const { routes, emissions, explanations } = answerRoute(withBudget, question);
    return { routes, emissions, explanations };
  }
  const scenario = scenarioOf(registry, job.scenario ?? undefined);
  if (job.kind === 'reachability') {
    const q: TravelCostQuestion = { scenario, network: planningNetwork(registry, scenario), include: [...job.opts.include], modes: [...job.opts.modes], options: job.opts };
    return reachablePlaces(withBudget, q, job.from, job.maxHours);
  }
  const prepared = planningNetwork(registry, scenario).prepared;
  const budget = new WorkBudget(job.limits);
  return job.sources.map((s) => matrixRow(prepared, s, job.targets, job.opts, { budget }));
}

port.on('message', (job: PlanningJob) => {
  let reply: JobReply;
  try {
    reply = { id: job.id, ok: true, result: run(job) };
  } catch (err) {
    reply =
      err instanceof DomainError
        ? { id: job.id, ok: false, error: { code: err.code, message: err.message, details: err.details } }
        : { id: job.id, ok: false, error: { code: 'INTERNAL', message: String(err), details: {} } };
  }
  port.postMessage(reply);
});
