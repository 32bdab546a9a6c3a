import { evaluateReadiness, probeWithin, type ReadinessInputs } from './readiness';

const allUp = (): ReadinessInputs => ({
  eventStore: { store: 'sqlite', read: { ok: true, value: [] } },
  readModels: {
    ok: true,
    value: [
      { name: 'license-state', lagEvents: 0, exact: true, lastError: null },
      { name: 'rule-history', lagEvents: 3, exact: true, lastError: null },
    ],
  },
  maxLagEvents: 10,
  verifiableLog: { treeSize: 42, error: null },
});

describe('evaluateReadiness: the verdict of /health/ready from what the probes found', () => {
  it('is ok with every check up, all of them under info and details, none under error', () => {
    const report = evaluateReadiness(allUp());
    expect(report.status).toBe('ok');
    expect(report.error).toEqual({});
    expect(Object.keys(report.info).sort()).toEqual(['eventStore', 'readModels', 'verifiableLog']);
    expect(report.details).toEqual({
      eventStore: { status: 'up', store: 'sqlite' },
      readModels: {
        status: 'up',
        maxLagEvents: 10,
        models: {
          'license-state': { lagEvents: 0, lagExact: true },
          'rule-history': { lagEvents: 3, lagExact: true },
        },
      },
      verifiableLog: { status: 'up', treeSize: 42 },
    });
  });

  it('is an error when the store did not answer, naming eventStore under error', () => {
    const report = evaluateReadiness({
      ...allUp(),
      eventStore: { store: 'sqlite', read: { ok: false, error: 'events.sqlite is gone from DATA_DIR' } },
    });
    expect(report.status).toBe('error');
    expect(report.error).toEqual({
      eventStore: { status: 'down', store: 'sqlite', error: 'events.sqlite is gone from DATA_DIR' },
    });
    expect(report.info.eventStore).toBeUndefined();
    expect(report.info.readModels?.status).toBe('up');
  });

  it('is up at exactly the threshold and down one event past it', () => {
    const at = allUp();
    at.maxLagEvents = 3;
    expect(evaluateReadiness(at).details.readModels.status).toBe('up');
    at.maxLagEvents = 2;
    const past = evaluateReadiness(at);
    expect(past.status).toBe('error');
    expect(past.error.readModels).toMatchObject({ status: 'down', error: 'rule-history is 3 events behind' });
  });

  it('breaches a threshold of 0 with any lag, and says "at least" when counting stopped at the limit', () => {
    const report = evaluateReadiness({
      ...allUp(),
      maxLagEvents: 0,
      readModels: { ok: true, value: [{ name: 'exporter-view', lagEvents: 1, exact: false, lastError: null }] },
    });
    expect(report.error.readModels).toMatchObject({
      status: 'down',
      models: { 'exporter-view': { lagEvents: 1, lagExact: false } },
      error: 'exporter-view is at least 1 events behind',
    });
  });

  it('is down for a failing read model, and when the lag could not be read', () => {
    const failing = allUp();
    failing.readModels = {
      ok: true,
      value: [{ name: 'license-state', lagEvents: 0, exact: true, lastError: 'disk full' }],
    };
    expect(evaluateReadiness(failing).error.readModels).toMatchObject({
      status: 'down',
      models: { 'license-state': { lagEvents: 0, lagExact: true, lastError: 'disk full' } },
      error: 'license-state is failing: disk full',
    });
    const unread = evaluateReadiness({ ...allUp(), readModels: { ok: false, error: 'no answer within 2000 ms' } });
    expect(unread.error.readModels).toEqual({
      status: 'down',
      maxLagEvents: 10,
      models: {},
      error: 'no answer within 2000 ms',
    });
  });

  it('is down when the verifiable log follower reports an error', () => {
    const report = evaluateReadiness({ ...allUp(), verifiableLog: { treeSize: 7, error: 'worker exited' } });
    expect(report.status).toBe('error');
    expect(report.error).toEqual({ verifiableLog: { status: 'down', treeSize: 7, error: 'worker exited' } });
  });

  it('checks Kafka only when configured: up with brokers in the metadata, down when it did not answer', () => {
    expect(evaluateReadiness(allUp()).details.kafka).toBeUndefined();
    const relay = { state: 'live', lagEvents: 0 };
    const up = evaluateReadiness({ ...allUp(), kafka: { metadata: { ok: true, value: { brokers: 1 } }, relay } });
    expect(up.info.kafka).toEqual({ status: 'up', brokers: 1, relay });
    expect(up.status).toBe('ok');
    const down = evaluateReadiness({
      ...allUp(),
      kafka: { metadata: { ok: false, error: 'no answer within 2000 ms' }, relay: { state: 'retrying', lagEvents: 5 } },
    });
    expect(down.status).toBe('error');
    expect(down.error.kafka).toEqual({
      status: 'down',
      brokers: 0,
      relay: { state: 'retrying', lagEvents: 5 },
      error: 'no answer within 2000 ms',
    });
    const empty = evaluateReadiness({
      ...allUp(),
      kafka: { metadata: { ok: true, value: { brokers: 0 } }, relay: null },
    });
    expect(empty.error.kafka).toMatchObject({ status: 'down', error: 'the cluster metadata names no broker' });
  });
});

describe('probeWithin: a bounded probe', () => {
  it('gives the value, the error, or a timeout for a probe that hangs', async () => {
    expect(await probeWithin(50, async () => 1)).toEqual({ ok: true, value: 1 });
    expect(await probeWithin(50, async () => Promise.reject(new Error('closed')))).toEqual({
      ok: false,
      error: 'closed',
    });
    expect(await probeWithin(20, () => new Promise(() => undefined))).toEqual({
      ok: false,
      error: 'no answer within 20 ms',
    });
  });
});
