import { register } from 'prom-client';
import { Metrics } from './metrics';

describe('Metrics', () => {
  it('keeps its own registry: two instances never collide, the global one stays empty', async () => {
    const a = new Metrics({ processMetrics: false });
    const b = new Metrics({ processMetrics: false });
    a.counter({ name: 'licensing_things_total', help: 'Things.' }).inc();
    b.counter({ name: 'licensing_things_total', help: 'Things.' }).inc(2);
    expect(await a.scrape()).toContain('licensing_things_total 1');
    expect(await b.scrape()).toContain('licensing_things_total 2');
    expect(register.getSingleMetric('licensing_things_total')).toBeUndefined();
  });

  it('answers the metric already registered under a name, and refuses another type or a bad name', () => {
    const metrics = new Metrics({ processMetrics: false });
    const first = metrics.counter<'outcome'>({ name: 'licensing_x_total', help: 'X.', labelNames: ['outcome'] });
    expect(metrics.counter({ name: 'licensing_x_total', help: 'X.', labelNames: ['outcome'] })).toBe(first);
    expect(() => metrics.gauge({ name: 'licensing_x_total', help: 'X.' })).toThrow(/another type/);
    expect(() => metrics.gauge({ name: 'licensingX', help: 'X.' })).toThrow(/snake_case/);
  });

  it('reads collected gauges at scrape time, and includes the process metrics by default', async () => {
    let value = 1;
    const metrics = new Metrics();
    metrics.gauge({ name: 'licensing_level', help: 'A level.', collect: (gauge) => gauge.set(value) });
    value = 7;
    const text = await metrics.scrape();
    expect(text).toContain('licensing_level 7');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).not.toContain('nodejs_active_handles_total');
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });
});
