/**
 * Counters and histograms counted in plain numbers per request and handed to
 * prom-client only when /metrics is scraped. A prom-client label child
 * (`counter.labels(...)`) still validates and hashes its label values on
 * every inc() and observe(); on a cached route answer that was about a
 * twentieth of the service's CPU per request. Here a series is an object
 * made once per label set: counting is an addition, observing a bucket
 * search and three additions. The metrics themselves stay prom-client
 * Counters and Histograms in the app's registry, with their names, help,
 * labels and buckets, so /metrics reads exactly as before: on each scrape,
 * their `collect` callback adds what each series counted since the last
 * scrape. A reset of the registry (resetMetrics) therefore counts from the
 * reset on, as prom-client's own metrics do.
 *
 * Every value of these metrics must go through their series: a value added
 * through the prom-client metric directly would be a second, separate entry
 * with the same labels.
 */
import { Counter, Histogram, type CounterConfiguration, type HistogramConfiguration, type LabelValues } from 'prom-client';

/** One label set of a ScrapedCounter: what it counted since the last scrape. */
export class CounterSeries {
  pending = 0;

  /** `dirty`: the metric's series with something to hand over, in the order they first counted since the last scrape. */
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly dirty: CounterSeries[],
  ) {}

  inc(): void {
    if (this.pending === 0) this.dirty.push(this);
    this.pending += 1;
  }

  /** Forgets what was counted since the last scrape (the metric was reset). */
  clear(): void {
    this.pending = 0;
  }
}

/**
 * One label set of a ScrapedHistogram: what it observed since the last
 * scrape, per bucket (not cumulative), as prom-client keeps them.
 */
export class HistogramSeries {
  /** counts[i]: observations in (bounds[i-1], bounds[i]]; above the last bound only sum and count grow. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  /** `dirty`: the metric's series with something to hand over, in the order they first observed since the last scrape. */
  constructor(
    /** Names the label set (its entry in prom-client's table). */
    readonly id: string,
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: readonly number[],
    private readonly dirty: HistogramSeries[],
  ) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    // The same refusal as prom-client's observe(): a NaN or infinite value would poison the sum.
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    const bounds = this.bounds;
    // prom-client's rule: the first bucket whose upper bound is ≥ the value.
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]!) {
        this.counts[i]! += 1;
        break;
      }
    }
    if (this.count === 0) this.dirty.push(this);
    this.sum += value;
    this.count += 1;
  }

  /** Forgets what was observed since the last scrape (the metric was reset). */
  clear(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
  }
}

/** prom-client's bookkeeping of one histogram label set (Histogram#hashMap values, prom-client 15). */
interface PromHistogramEntry {
  labels: Record<string, string>;
  bucketValues: Record<string, number>;
  sum: number;
  count: number;
}

/** A prom-client Counter whose label sets are counted through `series()`. */
export class ScrapedCounter<T extends string> {
  readonly metric: Counter<T>;
  private readonly byLabels = new Map<string, CounterSeries>();
  /** Series that counted since the last scrape, in the order they first did. */
  private readonly dirty: CounterSeries[] = [];

  constructor(config: Omit<CounterConfiguration<T>, 'collect'>) {
    const dirty = this.dirty;
    this.metric = new Counter<T>({
      ...config,
      collect(this: Counter<T>) {
        for (const s of dirty) {
          this.inc(s.labels as LabelValues<T>, s.pending);
          s.clear();
        }
        dirty.length = 0;
      },
    });
    onReset(this.metric, dirty);
  }

  /** The series of `labels` (made and validated on first use); callers keep it and reuse it for that label set. */
  series(labels: LabelValues<T>): CounterSeries {
    const named = stringLabels(labels);
    const id = labelsId(named);
    let s = this.byLabels.get(id);
    if (s === undefined) {
      checkLabelNames(this.metric, named);
      s = new CounterSeries(named, this.dirty);
      this.byLabels.set(id, s);
    }
    return s;
  }
}

/** A prom-client Histogram whose label sets are observed through `series()`. */
export class ScrapedHistogram<T extends string> {
  readonly metric: Histogram<T>;
  private readonly byLabels = new Map<string, HistogramSeries>();
  /** Series that observed since the last scrape, in the order they first did. */
  private readonly dirty: HistogramSeries[] = [];
  private readonly bounds: readonly number[];

  constructor(config: Omit<HistogramConfiguration<T>, 'collect'> & { buckets: readonly number[] }) {
    const dirty = this.dirty;
    const bounds = (this.bounds = [...config.buckets]);
    this.metric = new Histogram<T>({
      ...config,
      buckets: [...config.buckets],
      collect(this: Histogram<T>) {
        // prom-client's entries by label set (Histogram#hashMap), keyed by a hash of the labels; here by their id.
        const hashMap = (this as unknown as { hashMap: Record<string, PromHistogramEntry> }).hashMap;
        for (const s of dirty) {
          let entry = hashMap[s.id];
          if (entry === undefined) {
            const bucketValues: Record<string, number> = {};
            for (const b of bounds) bucketValues[b] = 0;
            entry = { labels: { ...s.labels }, bucketValues, sum: 0, count: 0 };
            hashMap[s.id] = entry;
          }
          for (let b = 0; b < bounds.length; b++) entry.bucketValues[bounds[b]!]! += s.counts[b]!;
          // One addition per scrape: the sum can differ from prom-client's value-by-value sum in the last bits.
          entry.sum += s.sum;
          entry.count += s.count;
          s.clear();
        }
        dirty.length = 0;
      },
    });
    onReset(this.metric, dirty);
  }

  /** The series of `labels` (made and validated on first use); callers keep it and reuse it for that label set. */
  series(labels: LabelValues<T>): HistogramSeries {
    const named = stringLabels(labels);
    const id = labelsId(named);
    let s = this.byLabels.get(id);
    if (s === undefined) {
      checkLabelNames(this.metric, named);
      s = new HistogramSeries(id, named, this.bounds, this.dirty);
      this.byLabels.set(id, s);
    }
    return s;
  }
}

/** A reset of the metric (Registry#resetMetrics) also drops what its series have not handed over yet. */
function onReset(metric: { reset(): void }, dirty: { clear(): void }[]): void {
  const reset = metric.reset.bind(metric);
  metric.reset = () => {
    reset();
    for (const s of dirty) s.clear();
    dirty.length = 0;
  };
}

/** prom-client's check (validateLabel), made once per label set instead of on every value. */
function checkLabelNames(metric: unknown, labels: Readonly<Record<string, string>>): void {
  const known = (metric as { labelNames: readonly string[] }).labelNames;
  for (const name of Object.keys(labels)) {
    if (!known.includes(name)) throw new Error(`Added label "${name}" is not included in initial labelset: ${JSON.stringify(known)}`);
  }
}

/** One string per label set, whatever the order its names were given in. */
function labelsId(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.keys(labels).sort().map((name) => [name, labels[name]]));
}

function stringLabels(labels: Readonly<Record<string, string | number | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) if (value !== undefined) out[name] = String(value);
  return out;
}
