/**
 * The load-shedding monitor on its own: each limit gives its verdict, the
 * event-loop delay reads a stall, and no limit set means nothing is watched
 * (no timer at all). The 503 answers themselves are tested through the app
 * (test/http/security.test.ts).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LOOP_DELAY_RESOLUTION_MS, PressureMonitor } from '../../../src/http/hooks/load-shedding.js';

const OFF = { maxEventLoopDelayMs: 0, maxEventLoopUtilization: 0, maxHeapUsedBytes: 0, maxRssBytes: 0 };

/** Keeps the event loop busy for `ms` milliseconds. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PressureMonitor', () => {
  it('is inactive, and never saturated, with every limit off', () => {
    const m = new PressureMonitor(OFF);
    assert.equal(m.active, false);
    m.start();
    assert.equal(m.sample(), null);
    m.stop();
  });

  it('reports the heap limit with the heap used, and the RSS limit with the resident size', () => {
    const heap = new PressureMonitor({ ...OFF, maxHeapUsedBytes: 1 });
    const verdict = heap.sample();
    assert.equal(verdict?.kind, 'heapUsedBytes');
    assert.ok(verdict.value > 1);
    assert.deepEqual(heap.pressure, verdict);
    const rss = new PressureMonitor({ ...OFF, maxRssBytes: 1 });
    assert.equal(rss.sample()?.kind, 'rssBytes');
    assert.equal(new PressureMonitor({ ...OFF, maxHeapUsedBytes: 2 ** 45, maxRssBytes: 2 ** 45 }).sample(), null);
  });

  it('counts a tick that is due but has not run yet with its lateness so far', () => {
    const m = new PressureMonitor({ ...OFF, maxEventLoopDelayMs: 200 });
    m.start();
    try {
      block(LOOP_DELAY_RESOLUTION_MS + 500);
      const verdict = m.sample();
      assert.equal(verdict?.kind, 'eventLoopDelay');
      assert.ok(verdict.value >= 450, `delay ${verdict.value} ms`);
      // Counted once: the next verdict, right after, sees no delay.
      assert.equal(m.sample(), null);
    } finally {
      m.stop();
    }
  });

  it('reads a stall of the event loop as delay, and an idle loop as none', async () => {
    const m = new PressureMonitor({ ...OFF, maxEventLoopDelayMs: 200 });
    m.start();
    try {
      // Idle for several samples of the histogram: its mean lateness is near 0, far below 200 ms.
      await sleep(LOOP_DELAY_RESOLUTION_MS * 4);
      assert.equal(m.sample(), null);
      // Ticks that come about 900 ms late in all since the last verdict: their mean is far above 200 ms.
      m.sample();
      block(900);
      await sleep(LOOP_DELAY_RESOLUTION_MS * 0.5);
      const verdict = m.sample();
      assert.equal(verdict?.kind, 'eventLoopDelay');
      assert.ok(verdict.value > 200 && verdict.value < 2_000, `delay ${verdict.value} ms`);
    } finally {
      m.stop();
    }
  });

  it('reports utilisation above its limit while the loop was busy', () => {
    const m = new PressureMonitor({ ...OFF, maxEventLoopUtilization: 0.5 });
    m.start();
    try {
      block(200);
      const verdict = m.sample();
      assert.equal(verdict?.kind, 'eventLoopUtilization');
      assert.ok(verdict.value > 0.5 && verdict.value <= 1);
    } finally {
      m.stop();
    }
  });
});
