import { readModelProjections } from '@licensing/projections';
import {
  exporterUser,
  magnetApplication,
  opsUser,
  promtoolCheck,
  type Sample,
  samples,
  type ServiceClient,
  valueOf,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

describe('Prometheus metrics at /metrics (embedded service)', () => {
  const service = new RunningService();
  let client: ServiceClient;
  let text: string;
  let all: Sample[];

  beforeAll(async () => {
    client = await service.start('2026-11-23T02:00:00.000Z');
    expect((await client.post('/applications', exporterUser, magnetApplication('app-metrics'))).status).toBe(201);
    expect((await client.post('/applications/app-metrics/submit', exporterUser)).status).toBe(200);
    // Submitted already: the decider refuses it.
    const refused = await client.post('/applications/app-metrics/submit', exporterUser);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await client.post('/admin/scheduler/run', opsUser)).status).toBe(200);
    // Unauthenticated, like health: a scraper knows no user.
    const scrape = await client.get('/metrics', null);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = scrape.body as string;
    all = samples(text);
  });
  afterAll(() => service.dispose());

  it('counts commands by type and outcome, with their latency', () => {
    expect(valueOf(all, 'licensing_commands_total', { command: 'SubmitApplication', outcome: 'ok' })).toBe(1);
    expect(valueOf(all, 'licensing_commands_total', { command: 'SubmitApplication', outcome: 'refused' })).toBe(1);
    const count = valueOf(all, 'licensing_command_duration_seconds_count', {
      command: 'SubmitApplication',
      outcome: 'ok',
    });
    expect(count).toBe(1);
    const sum = valueOf(all, 'licensing_command_duration_seconds_sum', { command: 'SubmitApplication', outcome: 'ok' });
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(5);
  });

  it('reports the group commits: batch sizes, events and commit latency', () => {
    const commits = valueOf(all, 'licensing_event_store_commits_total')!;
    expect(commits).toBeGreaterThanOrEqual(2);
    expect(valueOf(all, 'licensing_event_store_commit_appends_count')).toBe(commits);
    expect(valueOf(all, 'licensing_event_store_appends_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    // The policy seed and the two commands: more events than commits.
    expect(valueOf(all, 'licensing_event_store_events_appended_total')).toBeGreaterThanOrEqual(commits);
    expect(valueOf(all, 'licensing_event_store_commit_duration_seconds_sum')).toBeGreaterThan(0);
  });

  it('reports every read model: position, lag and caught-up', () => {
    const names = readModelProjections().map((projection) => projection.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(valueOf(all, 'licensing_projection_position', { read_model: name })).toBeGreaterThanOrEqual(-1);
      // The commands waited for their read models: nothing is behind.
      expect(valueOf(all, 'licensing_projection_lag_events', { read_model: name })).toBe(0);
      expect(valueOf(all, 'licensing_projection_caught_up', { read_model: name })).toBe(1);
    }
  });

  it('counts scheduler passes, HTTP requests by route template and status, and the process', () => {
    expect(valueOf(all, 'licensing_scheduler_passes_total', { outcome: 'ok' })).toBe(1);
    expect(
      valueOf(all, 'licensing_scheduler_due_events_total', { command: 'ExpireLicense', outcome: 'appended' }),
    ).toBe(0);
    const submits = all.filter(
      (s) => s.name === 'licensing_http_requests_total' && s.labels['route'] === '/applications/:id/:action',
    );
    expect(submits.map((s) => s.labels['status']).sort()).toEqual(expect.arrayContaining(['200']));
    expect(submits.reduce((total, s) => total + s.value, 0)).toBe(2);
    expect(
      valueOf(all, 'licensing_http_requests_total', { method: 'POST', route: '/applications', status: '201' }),
    ).toBe(1);
    expect(valueOf(all, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(all, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    // Low cardinality: no label carries an id.
    expect(text).not.toContain('app-metrics');
  });

  it('passes `promtool check metrics` with no lint problem', () => {
    expect(promtoolCheck(text)).toEqual({ status: 0, output: '' });
  });
});
