import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type { Counter, Gauge, Histogram } from 'prom-client';

/** Buckets for latencies from a fraction of a millisecond (one SQLite commit) to seconds (a slow command). */
export const LATENCY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const LINT_FAILING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export interface MetricsOptions {
  /** Node's process metrics (`process_*`, `nodejs_*`: CPU, memory, event-loop lag, GC). Default true. */
  readonly processMetrics?: boolean;
}

interface Spec<L extends string> {
  /** snake_case, with the unit in base units (`_seconds`, `_total` for counters). */
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly L[];
}

/**
 * One Prometheus registry of our own (never prom-client's global default
 * registry), made by each app and handed to the pieces that record, so two
 * services or two specs in one process never collide. Asking twice for the
 * same name answers the metric already registered, so two recorders of one
 * registry (two command runners, say) share their series.
 */
export class Metrics {
  readonly registry = new Registry();

  constructor(options: MetricsOptions = {}) {
    if (options.processMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters, which `promtool check metrics` flags; their
      // by-type siblings (`nodejs_active_handles{type}`, …) stay and sum to them.
      for (const name of LINT_FAILING_DEFAULTS) this.registry.removeSingleMetric(name);
    }
  }

  /** The `Content-Type` of `scrape()`: Prometheus text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text format (runs the gauges' collect callbacks). */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  counter<L extends string = never>(spec: Spec<L>): Counter<L> {
    return this.existing<Counter<L>>(spec.name, Counter) ?? new Counter<L>({ ...this.config(spec) });
  }

  histogram<L extends string = never>(spec: Spec<L> & { readonly buckets?: readonly number[] }): Histogram<L> {
    return (
      this.existing<Histogram<L>>(spec.name, Histogram) ??
      new Histogram<L>({
        ...this.config(spec),
        buckets: [...(spec.buckets ?? LATENCY_BUCKETS_SECONDS)],
      })
    );
  }

  /**
   * A gauge; with `collect`, its value is read at each scrape (a position,
   * a lag) rather than kept up to date by the recorder.
   */
  gauge<L extends string = never>(
    spec: Spec<L> & { readonly collect?: (gauge: Gauge<L>) => void | Promise<void> },
  ): Gauge<L> {
    const found = this.existing<Gauge<L>>(spec.name, Gauge);
    if (found) return found;
    const { collect } = spec;
    return new Gauge<L>({
      ...this.config(spec),
      ...(collect
        ? {
            collect: function (this: Gauge<L>) {
              return collect(this);
            },
          }
        : {}),
    });
  }

  private config<L extends string>(spec: Spec<L>) {
    if (!/^[a-z_][a-z0-9_]*$/.test(spec.name)) throw new Error(`Metric name ${spec.name} is not snake_case`);
    return {
      name: spec.name,
      help: spec.help,
      labelNames: [...(spec.labelNames ?? [])] as L[],
      registers: [this.registry],
    };
  }

  private existing<M>(name: string, type: abstract new (...args: never[]) => unknown): M | undefined {
    const found = this.registry.getSingleMetric(name);
    if (found === undefined) return undefined;
    if (!(found instanceof type)) throw new Error(`Metric ${name} is already registered with another type`);
    return found as M;
  }
}

/** Seconds since `started` (from `performance.now()`), for a histogram. */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
