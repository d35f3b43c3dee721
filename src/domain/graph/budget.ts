/**
 * A work budget for one planning request: how many graph nodes its searches
 * may settle, how many spur searches Yen's algorithm may run, how many
 * candidate paths it may scan, and a deadline (ms of wall time from the
 * start). Searches charge it as they go and stop with BudgetExceededError
 * the moment one limit is passed, so no question can hold a worker for long.
 */

export type BudgetLimit = 'settledNodes' | 'spurSearches' | 'candidatesScanned' | 'deadlineMs';

export interface BudgetLimits {
  /** Nodes settled by all searches of one request together. */
  maxSettledNodes: number;
  /** Spur searches of the k-shortest enumeration, all stretches together. */
  maxSpurSearches: number;
  /** Candidate paths taken off the k-shortest candidate heap (looping ones included). */
  maxCandidatesScanned: number;
  /** Wall time from the start of planning, ms. */
  deadlineMs: number;
}

export class BudgetExceededError extends Error {
  constructor(
    readonly limit: BudgetLimit,
    /** The limit's value (a count, or ms for the deadline). */
    readonly value: number,
    /** Work done when it stopped: a count, or ms spent. */
    readonly used: number,
  ) {
    super(`planning stopped: ${limit} limit of ${value} reached`);
    this.name = 'BudgetExceededError';
  }
}

/** How often (in settled nodes) the clock is read: reading it costs about as much as settling 20 nodes. */
const CLOCK_EVERY = 256;

export class WorkBudget {
  settled = 0;
  spurs = 0;
  candidates = 0;
  private readonly started: number;
  private sinceClock = 0;

  constructor(
    readonly limits: BudgetLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Ms since the budget started. */
  elapsedMs(): number {
    return this.now() - this.started;
  }

  /** Charges n settled nodes; reads the clock now and then. */
  settle(n = 1): void {
    this.settled += n;
    if (this.settled > this.limits.maxSettledNodes) throw new BudgetExceededError('settledNodes', this.limits.maxSettledNodes, this.settled);
    this.sinceClock += n;
    if (this.sinceClock >= CLOCK_EVERY) {
      this.sinceClock = 0;
      this.checkDeadline();
    }
  }

  spur(): void {
    if (++this.spurs > this.limits.maxSpurSearches) throw new BudgetExceededError('spurSearches', this.limits.maxSpurSearches, this.spurs);
  }

  candidate(): void {
    if (++this.candidates > this.limits.maxCandidatesScanned) {
      throw new BudgetExceededError('candidatesScanned', this.limits.maxCandidatesScanned, this.candidates);
    }
  }

  checkDeadline(): void {
    const ms = this.elapsedMs();
    if (ms > this.limits.deadlineMs) throw new BudgetExceededError('deadlineMs', this.limits.deadlineMs, Math.round(ms));
  }
}

/** A budget nothing exceeds, for callers (tests, scripts) that want the full answer. */
export function unlimitedBudget(): WorkBudget {
  return new WorkBudget({ maxSettledNodes: Infinity, maxSpurSearches: Infinity, maxCandidatesScanned: Infinity, deadlineMs: Infinity });
}
