/**
 * Load shedding: while the process is saturated, requests are refused with
 * 503 (and Retry-After) instead of queueing behind the work that saturates
 * it. Saturation is read once per SAMPLE_INTERVAL_MS from the limits of
 * MAX_EVENT_LOOP_DELAY_MS, MAX_EVENT_LOOP_UTILIZATION, MAX_HEAP_USED_BYTES
 * and MAX_RSS_BYTES (config.ts), so a request only reads the last verdict.
 *
 * Written here rather than taken from @fastify/under-pressure, whose
 * event-loop delay histogram samples every 10 ms (hard-coded): a hundred
 * wake-ups a second of an otherwise idle process, which cost about 6 µs of
 * CPU per cached route answer at 1,000 req/s (the route benchmark's load;
 * measured with cached answers sent before fastify's routing, where little
 * else was left: without this monitor and prom-client's, also at 10 ms, the
 * process cost what bare fastify does). In the whole service the wake-ups
 * are lost in the noise of everything else a request costs (prom-client's
 * histogram at 10 ms against 1 s: 72.0 and 71.7 µs per cached answer,
 * 2026-12-03), so the gain is mostly on an idle process (6 → 3–5 ms of CPU
 * a second). This one probes every
 * LOOP_DELAY_RESOLUTION_MS, and reads the lateness beyond the probe's own
 * interval, as under-pressure did.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Config } from '../../config.js';

/**
 * ms between two ticks of the event-loop delay probe. The delay read is the
 * mean lateness of the probe's ticks since the last verdict, so one stall of
 * S ms in a sample interval of I ms reads as about S / (1 + (I − S) / R) ms
 * with R this resolution: a 500 ms stall reads about 83 ms (10 ms with the 10 ms samples
 * of @fastify/under-pressure), a stall of the whole second about 1 s with
 * either. The 1 s default limit therefore sheds, as before, once the loop
 * is blocked for about a whole sample interval.
 */
export const LOOP_DELAY_RESOLUTION_MS = 100;
/** ms between two verdicts. */
export const SAMPLE_INTERVAL_MS = 1_000;

export type PressureKind = 'eventLoopDelay' | 'eventLoopUtilization' | 'heapUsedBytes' | 'rssBytes';

/** Why the process counts as saturated, with the value read (ms, fraction or bytes). */
export interface Pressure {
  kind: PressureKind;
  value: number;
}

/**
 * The latest verdict, null while not saturated. Started, it wakes every
 * LOOP_DELAY_RESOLUTION_MS when the delay limit is set (the probe; the
 * verdict is given on the first tick a sample interval after the last), else
 * every SAMPLE_INTERVAL_MS; with no limit set it never wakes.
 */
export class PressureMonitor {
  private current: Pressure | null = null;
  private elu: EventLoopUtilization;
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() of the last probe tick and of the last verdict, ms. */
  private lastTick = 0;
  private lastVerdict = 0;
  /** Lateness of the probe's ticks since the last verdict: sum (ms) and count. */
  private lateSum = 0;
  private ticks = 0;

  constructor(private readonly limits: Config['pressure']) {
    this.elu = performance.eventLoopUtilization();
  }

  /** True when at least one limit is set: otherwise there is nothing to watch. */
  get active(): boolean {
    const l = this.limits;
    return l.maxEventLoopDelayMs > 0 || l.maxEventLoopUtilization > 0 || l.maxHeapUsedBytes > 0 || l.maxRssBytes > 0;
  }

  get pressure(): Pressure | null {
    return this.current;
  }

  start(): void {
    if (!this.active || this.timer !== null) return;
    this.elu = performance.eventLoopUtilization();
    this.lastTick = this.lastVerdict = performance.now();
    const probe = this.limits.maxEventLoopDelayMs > 0;
    this.timer = setInterval(probe ? () => this.tick() : () => this.sample(), probe ? LOOP_DELAY_RESOLUTION_MS : SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const now = performance.now();
    this.lateSum += Math.max(0, now - this.lastTick - LOOP_DELAY_RESOLUTION_MS);
    this.ticks++;
    this.lastTick = now;
    if (now - this.lastVerdict >= SAMPLE_INTERVAL_MS) this.sample();
  }

  /**
   * Reads every limit that is set; the first one exceeded is the verdict.
   * Called by the monitor's own timer; public for tests.
   */
  sample(): Pressure | null {
    this.current = this.read();
    this.lastVerdict = performance.now();
    return this.current;
  }

  private read(): Pressure | null {
    const l = this.limits;
    let found: Pressure | null = null;
    if (l.maxEventLoopDelayMs > 0) {
      // A tick that is due but has not run yet (the loop is still catching up) counts with its lateness so far.
      const now = performance.now();
      const pending = Math.max(0, now - this.lastTick - LOOP_DELAY_RESOLUTION_MS);
      const n = this.ticks + (pending > 0 ? 1 : 0);
      const delayMs = n === 0 ? 0 : (this.lateSum + pending) / n;
      this.lateSum = 0;
      this.ticks = 0;
      // Counted once: the tick, when it runs, measures only the lateness after this verdict.
      if (pending > 0) this.lastTick = now - LOOP_DELAY_RESOLUTION_MS;
      if (delayMs > l.maxEventLoopDelayMs) found = { kind: 'eventLoopDelay', value: delayMs };
    }
    if (l.maxEventLoopUtilization > 0) {
      const now = performance.eventLoopUtilization();
      const utilization = performance.eventLoopUtilization(now, this.elu).utilization;
      this.elu = now;
      if (found === null && utilization > l.maxEventLoopUtilization) found = { kind: 'eventLoopUtilization', value: utilization };
    }
    if (found === null && l.maxHeapUsedBytes > 0) {
      const heapUsed = process.memoryUsage().heapUsed;
      if (heapUsed > l.maxHeapUsedBytes) found = { kind: 'heapUsedBytes', value: heapUsed };
    }
    if (found === null && l.maxRssBytes > 0) {
      const rss = process.memoryUsage.rss();
      if (rss > l.maxRssBytes) found = { kind: 'rssBytes', value: rss };
    }
    return found;
  }
}
