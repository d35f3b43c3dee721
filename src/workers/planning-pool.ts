/**
 * A pool of planning worker threads (node:worker_threads), sized by
 * PLAN_WORKERS, so heavy questions (matrices, routes, reachability) run off the event loop and
 * /health, /ready, cached answers and cheap questions never wait behind them.
 * Jobs queue in arrival order and go to the first free worker (started by
 * start-worker.ts).
 */
import type { Worker } from 'node:worker_threads';
import type { BudgetLimits } from '../domain/graph/budget.js';
import { DomainError } from '../domain/errors.js';
import type { TravelCost, TravelCostOptions } from '../domain/routing/one-to-many.js';
import type { RouteQuestion } from '../domain/planning/answer.js';
import type { Reachable } from '../domain/planning/reachability.js';
import type { JobReply, JobResult, PlanningJob, RouteResult } from './planning-worker.js';
import { startWorker } from './start-worker.js';

/** A job before the pool numbers it. */
type NewJob = PlanningJob extends infer J ? (J extends PlanningJob ? Omit<J, 'id'> : never) : never;

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Pending {
  job: PlanningJob;
  resolve: (result: JobResult) => void;
  reject: (err: Error) => void;
}

export class PlanningPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private nextId = 1;

  constructor(size: number, dataDir: string) {
    this.slots = Array.from({ length: size }, () => this.start(dataDir));
  }

  get size(): number {
    return this.slots.length;
  }

  private start(dataDir: string): Slot {
    const worker = startWorker('planning-worker', { dataDir });
    const slot: Slot = {
      worker,
      busy: false,
      ready: new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
    };
    worker.on('message', (msg: JobReply | { ready: true }) => {
      if ('ready' in msg) return;
      const p = this.inFlight.get(msg.id);
      this.inFlight.delete(msg.id);
      slot.busy = false;
      if (p) {
        if (msg.ok) p.resolve(msg.result);
        else p.reject(msg.error.code === 'INTERNAL' ? new Error(msg.error.message) : new DomainError(msg.error.code, msg.error.message, msg.error.details));
      }
      this.pump();
    });
    worker.on('error', (err) => {
      for (const [id, p] of this.inFlight) {
        p.reject(err);
        this.inFlight.delete(id);
      }
    });
    return slot;
  }

  /** Resolves when every worker has loaded the data set. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  matrix(scenario: string | null, sources: string[], targets: string[], opts: TravelCostOptions, limits: BudgetLimits): Promise<(TravelCost | null)[][]> {
    return this.submit({ kind: 'matrix', scenario, sources, targets, opts, limits }) as Promise<(TravelCost | null)[][]>;
  }

  /** Plans a route question that has no request overlays (those prepare a network of their own: main thread). */
  route(question: RouteQuestion, limits: BudgetLimits): Promise<RouteResult> {
    const { scenario, ...rest } = question;
    return this.submit({ kind: 'route', question: { ...rest, scenario: scenario?.id ?? null }, limits }) as Promise<RouteResult>;
  }

  reachability(scenario: string | null, from: string, maxHours: number, opts: TravelCostOptions, limits: BudgetLimits): Promise<Reachable[]> {
    return this.submit({ kind: 'reachability', scenario, from, maxHours, opts, limits }) as Promise<Reachable[]>;
  }

  private submit(job: NewJob): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ } as PlanningJob, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const p = this.queue.shift()!;
      slot.busy = true;
      this.inFlight.set(p.job.id, p);
      slot.worker.postMessage(p.job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
