import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@licensing/event-store';
import {
  exporterUser,
  magnetApplication,
  officer,
  registerNingbo,
  ServiceClient,
  type Reply,
} from '@licensing/service-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startService } from '../src/create-app';
import { EVENT_STORE } from '../src/infrastructure/tokens';

/** The service in this process with the edge settings given, and a count of what it stored. */
async function serviceWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'http-edge-'));
  const { app, url } = await startService(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, CLOCK_FIXED_AT: '2026-11-23T02:00:00Z', LOG_LEVEL: 'error', ...env }),
  );
  return {
    url,
    client: new ServiceClient(url, { dataDir }),
    events: () => storedEvents(app),
    dispose: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function storedEvents(app: INestApplication): Promise<number> {
  const store = app.get<EventStore>(EVENT_STORE);
  let count = 0;
  for (let from = 0n; ;) {
    const batch = await store.readAll({ fromPosition: from, maxCount: 1000 });
    const last = batch.at(-1);
    if (last === undefined) return count;
    count += batch.length;
    from = last.position + 1n;
  }
}

/** A raw POST: the body, the type and the size are the point, and the edge refuses them before asking who is acting. */
/** Bytes straight onto a socket, for requests no HTTP client would send; the answer split at the blank line. */
function rawHttp(port: string, request: string): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const at = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, at), body: text.slice(at + 4) });
    });
  });
}

async function rawPost(url: string, body: string, contentType?: string) {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
}

const problemOf = (reply: Reply) => ({ status: reply.status, code: reply.body?.code, fields: fieldsOf(reply) });
const fieldsOf = (reply: Reply) => (reply.body?.errors ?? []).map((e: { field: string }) => e.field);

describe('the HTTP edge: bodies, ids and text refused before anything is stored', () => {
  let service: Awaited<ReturnType<typeof serviceWith>>;
  let stored: number;

  beforeAll(async () => {
    service = await serviceWith({});
    expect((await service.client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
    stored = await service.events();
  });
  afterAll(() => service.dispose());
  afterEach(async () => expect(await service.events()).toBe(stored));

  it('answers a 10 MB body with 413 problem details naming the limit, not 500', async () => {
    const huge = JSON.stringify(magnetApplication('app-huge', { contractRef: 'x'.repeat(10 * 1024 * 1024) }));
    const reply = await rawPost(`${service.url}/applications`, huge, 'application/json');
    expect(reply).toMatchObject({ status: 413, body: { code: 'request.body_too_large', limitBytes: 1024 * 1024 } });
    expect(reply.type).toContain('application/problem+json');
    expect(reply.body.detail).toContain('1 MB');
  });

  it('answers malformed JSON with 400 and a body that is not JSON with 415, both as problem details', async () => {
    const malformed = await rawPost(`${service.url}/applications`, '{"applicationId": "app-x",', 'application/json');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'request.malformed_json' } });
    expect(malformed.type).toContain('application/problem+json');
    const text = await rawPost(`${service.url}/applications/app-x/withdraw`, 'withdraw it', 'text/plain');
    expect(text).toMatchObject({
      status: 415,
      body: { code: 'request.unsupported_media_type', contentType: 'text/plain' },
    });
  });

  it('refuses a path id that is too long or holds other characters, naming the parameter', async () => {
    const long = await service.client.post(`/applications/a${'1'.repeat(128)}/submit`, exporterUser);
    expect(problemOf(long)).toEqual({ status: 400, code: 'request.invalid_path_parameter', fields: ['id'] });
    const spaced = await service.client.get('/applications/app%20one', officer);
    expect(problemOf(spaced)).toEqual({ status: 400, code: 'request.invalid_path_parameter', fields: ['id'] });
    const measure = await service.client.get(`/rule-history/measures/${'m'.repeat(129)}`, officer);
    expect(problemOf(measure)).toMatchObject({ status: 400, fields: ['measureId'] });
  });

  it('refuses ids, text and lists over their limits in a body, naming each field', async () => {
    const longId = await service.client.post('/applications', exporterUser, magnetApplication('a'.repeat(127)));
    expect(problemOf(longId)).toEqual({ status: 400, code: 'request.invalid', fields: ['applicationId'] });
    const slash = await service.client.post('/applications', exporterUser, magnetApplication('app/2026'));
    expect(fieldsOf(slash)).toEqual(['applicationId']);
    const name = await service.client.post('/exporters', exporterUser, {
      ...registerNingbo,
      exporterId: 'long-name',
      name: 'N'.repeat(201),
    });
    expect(problemOf(name)).toEqual({ status: 400, code: 'request.invalid', fields: ['name'] });
    const reasons = await service.client.post('/applications/app-x/reject', officer, {
      reasons: Array.from({ length: 21 }, () => 'r'),
    });
    expect(fieldsOf(reasons)).toEqual(['reasons']);
  });

  it('sends the headers of a JSON API, no X-Powered-By and no CORS headers unless configured', async () => {
    const response = await fetch(`${service.url}/health/live`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers headers past what Node reads, and a request that is not HTTP, as problem details too', async () => {
    const { port } = new URL(service.url);
    const headers = await rawHttp(
      port,
      `GET /health/live HTTP/1.1\r\nHost: x\r\nLast-Event-ID: ${'9'.repeat(20_000)}\r\n\r\n`,
    );
    expect(headers.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(headers.head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(headers.body)).toMatchObject({ status: 431, code: 'request.headers_too_large' });
    const garbage = await rawHttp(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.body)).toMatchObject({ status: 400, code: 'request.malformed_http' });
  });

  it("never answers in Nest's own error format, nor with a stack", async () => {
    const unknown = await service.client.get('/nowhere', officer);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'http.404', title: 'Not Found' } });
    expect(unknown.body).not.toHaveProperty('statusCode');
    expect(JSON.stringify(unknown.body)).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('the HTTP edge: rate limits', () => {
  it('limits each subject, answering 429 with Retry-After and storing nothing, while others and health go on', async () => {
    const service = await serviceWith({
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
      CORS_ORIGINS: 'https://console.example.com',
    });
    try {
      const { client } = service;
      expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
      expect((await client.post('/applications', exporterUser, magnetApplication('app-1'))).status).toBe(201);
      expect((await client.get('/applications/app-1', exporterUser)).status).toBe(200);
      const before = await service.events();
      const refused = await client.post('/applications', exporterUser, magnetApplication('app-2'));
      expect(refused).toMatchObject({ status: 429, body: { code: 'request.rate_limited', limit: 3, per: 'subject' } });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await service.events()).toBe(before);
      // Another subject has its own budget: app-2 was never drafted.
      expect((await client.get('/applications/app-2', officer)).status).toBe(404);
      for (let i = 0; i < 10; i++) expect((await client.get('/health/live', null)).status).toBe(200);

      const preflight = await fetch(`${service.url}/applications`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://console.example.com', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
      const stranger = await fetch(`${service.url}/health/live`, { headers: { Origin: 'https://evil.example' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await service.dispose();
    }
  });

  it('limits each client address before anyone is authenticated', async () => {
    const service = await serviceWith({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '4' });
    try {
      const before = await service.events();
      for (let i = 0; i < 4; i++) expect((await service.client.get('/applications', null)).status).toBe(401);
      const refused = await service.client.post('/exporters', exporterUser, registerNingbo);
      expect(refused).toMatchObject({ status: 429, body: { code: 'request.rate_limited', per: 'address' } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await service.events()).toBe(before);
      expect((await service.client.get('/health/ready', null)).status).toBe(200);
    } finally {
      await service.dispose();
    }
  });
});
