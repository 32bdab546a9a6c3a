import {
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  registerNingbo,
  type ServiceClient,
} from '@licensing/service-testing';
import { LoggedService } from './log-capture';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

/**
 * Item 3 of issue 12: JSON log lines through pino. One line per request
 * with the correlation id, the subject, the command id, status and
 * outcome; Nest's own lines in the same format; no token ever.
 */
describe('structured logs: one JSON line per request, Nest and the app through the same logger', () => {
  const service = new LoggedService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start({ LOG_LEVEL: 'log' });
  }, 60_000);
  afterAll(() => service.dispose());

  it("logs a command's request with the client's X-Correlation-Id, the subject, the command id, status and outcome", async () => {
    const reply = await client.post('/exporters', exporterUser, registerNingbo, {
      'Idempotency-Key': 'register-logged',
      'X-Correlation-Id': 'corr-logs-1',
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-correlation-id')).toBe('corr-logs-1');
    expect(service.requestLines('corr-logs-1')).toEqual([
      expect.objectContaining({
        level: 30,
        app: 'licensing-service',
        msg: 'POST /exporters 201',
        method: 'POST',
        route: '/exporters',
        status: 201,
        durationMs: expect.any(Number),
        correlationId: 'corr-logs-1',
        actor: exporterUser.id,
        role: 'exporter',
        commandId: `${exporterUser.id}:register-logged`,
        outcome: 'ok',
      }),
    ]);
    // The events the command stored carry the same correlation id.
    const events = await client.get('/audit/streams/exporter-ningbo-magnetics/events', auditor);
    expect(events.body.events[0].metadata).toMatchObject({ correlationId: 'corr-logs-1' });
  });

  it("takes the correlation id from a W3C traceparent's trace id without X-Correlation-Id, into the events too", async () => {
    const reply = await client.post('/applications', exporterUser, magnetApplication('app-logged-1'), {
      traceparent: TRACEPARENT,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-correlation-id')).toBe(TRACE_ID);
    const [line] = service.requestLines(TRACE_ID);
    expect(line).toMatchObject({ route: '/applications', status: 201, commandId: expect.any(String), outcome: 'ok' });
    const events = await client.get('/audit/streams/application-app-logged-1/events', auditor);
    expect(events.body.events[0].metadata).toMatchObject({ correlationId: TRACE_ID, commandId: line!['commandId'] });
    // Tracing is off: nothing is stored for it.
    expect(events.body.events[0].metadata).not.toHaveProperty('traceparent');
  });

  it('makes one up for a request with neither, answers it, and logs a refusal with its problem code', async () => {
    const reply = await client.post('/applications/app-logged-1/approve', exporterUser, {});
    expect(reply.status).toBe(403);
    const correlationId = reply.headers.get('x-correlation-id') ?? '';
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(service.requestLines(correlationId)).toEqual([
      expect.objectContaining({
        route: '/applications/:id/:action',
        status: 403,
        outcome: 'refused',
        problem: reply.body.code,
        actor: exporterUser.id,
        role: 'exporter',
      }),
    ]);
  });

  it('logs a request refused before authentication, without an actor', async () => {
    const reply = await client.get('/applications', null);
    expect(reply.status).toBe(401);
    const [line] = service.requestLines(reply.headers.get('x-correlation-id') ?? '');
    expect(line).toMatchObject({ status: 401, outcome: 'refused', problem: 'request.unauthenticated' });
    expect(line).not.toHaveProperty('actor');
  });

  it('logs health and metrics at debug only, so probes and scrapes do not flood the log', async () => {
    const before = service.lines.length;
    expect((await client.get('/health/live', null)).status).toBe(200);
    expect((await client.get('/metrics', null)).status).toBe(200);
    expect((await client.get('/applications/app-logged-1', officer)).status).toBe(200);
    const routes = service.lines.slice(before).map((line) => line.json['route']);
    expect(routes).toEqual(['/applications/:id']);
  });

  it('writes no bearer token, nor any Authorization header, in any line', async () => {
    const tokens = await Promise.all([exporterUser, officer, auditor].map((as) => client.token(as)));
    expect(service.lines.length).toBeGreaterThan(10);
    for (const { text } of service.lines) {
      for (const token of tokens) expect(text).not.toContain(token);
      expect(text).not.toMatch(/bearer|authorization/i);
    }
  });

  it("sends Nest's own lines through pino as JSON, the mapped routes still readable as `Mapped {/path, METHOD} route`", () => {
    const mapped = service.lines.filter((line) => line.json['context'] === 'RouterExplorer');
    expect(mapped.length).toBeGreaterThan(20);
    // The access matrix e2e reads the routes from the service's stdout with this very pattern.
    const routes = [
      ...service.lines
        .map((line) => line.text)
        .join('')
        .matchAll(/Mapped \{(\S+), (\w+)\} route/g),
    ];
    expect(routes.map((match) => `${match[2]} ${match[1]}`)).toEqual(
      expect.arrayContaining(['POST /applications', 'POST /applications/:id/:action', 'GET /health/ready']),
    );
    expect(service.lines.find((line) => line.json['context'] === 'NestApplication')?.json).toMatchObject({
      level: 30,
      msg: 'Nest application successfully started',
    });
  });
});

describe('structured logs at LOG_LEVEL=error', () => {
  const service = new LoggedService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start({ LOG_LEVEL: 'error' });
  }, 60_000);
  afterAll(() => service.dispose());

  it('writes no request lines and none of Nest’s start-up lines', async () => {
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
    expect((await client.get('/applications/nope', officer)).status).toBe(404);
    expect(service.requestLines()).toEqual([]);
    expect(service.lines.filter((line) => (line.json['level'] as number) < 50)).toEqual([]);
  });
});
