/**
 * Scraped counters and histograms against prom-client's own: fed the same
 * values, the registries must print the same exposition text, byte for byte,
 * at every scrape (new label sets between scrapes, values on bucket bounds
 * and beyond the last, a reset in between).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Counter, Histogram, Registry } from 'prom-client';
import { ScrapedCounter, ScrapedHistogram } from '../../../src/http/hooks/scraped-metrics.js';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.25, 1];
const LABELS = ['method', 'route', 'status_code'] as const;

function pair() {
  const ref = new Registry();
  const own = new Registry();
  const config = (registry: Registry) => ({ name: 'x_requests_total', help: 'Requests.', labelNames: LABELS, registers: [registry] });
  const hConfig = (registry: Registry) => ({ name: 'x_duration_seconds', help: 'Time.', labelNames: LABELS, buckets: BUCKETS, registers: [registry] });
  return {
    ref,
    own,
    refCounter: new Counter(config(ref)),
    refHistogram: new Histogram(hConfig(ref)),
    ownCounter: new ScrapedCounter(config(own)),
    ownHistogram: new ScrapedHistogram(hConfig(own)),
  };
}

/** Values whose sums are exact in binary floating point (multiples of 1/1024 s), on and off the bounds. */
const dyadic = fc.oneof(fc.integer({ min: 0, max: 2048 }).map((n) => n / 1024), fc.constantFrom(0, 1, 4, 0.5));
const labelSet = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  route: fc.constantFrom('/v1/routes', '(unmatched)', '/health'),
  status_code: fc.constantFrom('200', '404', '503'),
});
type Step = { kind: 'observe'; labels: { method: string; route: string; status_code: string }; value: number } | { kind: 'scrape' } | { kind: 'reset' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('observe' as const), labels: labelSet, value: dyadic }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'scrape' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
);

describe('scraped metrics', () => {
  it('print what prom-client prints for the same values, at every scrape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const p = pair();
        for (const s of [...steps, { kind: 'scrape' } as Step]) {
          if (s.kind === 'observe') {
            p.refCounter.inc(s.labels);
            p.refHistogram.observe(s.labels, s.value);
            p.ownCounter.series(s.labels).inc();
            p.ownHistogram.series(s.labels).observe(s.value);
          } else if (s.kind === 'reset') {
            p.ref.resetMetrics();
            p.own.resetMetrics();
          } else {
            assert.equal(await p.own.metrics(), await p.ref.metrics());
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('give one series per label set, whatever order the labels come in', () => {
    const p = pair();
    const a = p.ownHistogram.series({ method: 'GET', route: '/v1/routes', status_code: '200' });
    const b = p.ownHistogram.series({ status_code: '200', route: '/v1/routes', method: 'GET' });
    assert.equal(a, b);
    assert.equal(p.ownCounter.series({ method: 'GET', route: '/', status_code: '200' }), p.ownCounter.series({ route: '/', method: 'GET', status_code: '200' }));
  });

  it('refuse unknown labels and values that are not finite, as prom-client does', () => {
    const p = pair();
    assert.throws(() => p.ownCounter.series({ method: 'GET', nope: 'x' } as never), /label/i);
    const s = p.ownHistogram.series({ method: 'GET', route: '/', status_code: '200' });
    assert.throws(() => s.observe(Number.NaN), TypeError);
    assert.throws(() => s.observe(Number.POSITIVE_INFINITY), TypeError);
  });

  it('counts values above the last bucket only in +Inf, sum and count', async () => {
    const p = pair();
    p.ownHistogram.series({ method: 'GET', route: '/', status_code: '200' }).observe(3);
    const text = await p.own.metrics();
    assert.match(text, /^x_duration_seconds_bucket\{le="1",method="GET",route="\/",status_code="200"\} 0$/m);
    assert.match(text, /^x_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/",status_code="200"\} 1$/m);
    assert.match(text, /^x_duration_seconds_sum\{method="GET",route="\/",status_code="200"\} 3$/m);
  });
});
