import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintLocalToken } from '@licensing/identity';
import { loadConfig } from './config';
import { startService } from './create-app';

describe('licensing service (embedded, real HTTP on loopback)', () => {
  let dir: string;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'service-'));
    ({ app, url } = await startService(
      loadConfig({ PORT: '0', DATA_DIR: dir, CLOCK_FIXED_AT: '2026-11-23T02:00:00.000Z', LOG_LEVEL: 'warn' }),
    ));
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Reads say who is reading (a policy officer here, with a token of the service's own issuer); /health ignores it.
  const get = async (path: string) => {
    const token = await mintLocalToken(dir, { sub: 'he.lan', role: 'policy_officer' });
    const response = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as any,
    };
  };

  it('is ready once the seeded policy history is in every read model', async () => {
    const { status, body } = await get('/health/ready');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.details.readModels).toMatchObject({ status: 'up' });
  });

  it('answers which measures applied on 2026-03-01 and on 2026-11-20, as known now', async () => {
    const status = (measures: { measureId: string; status: string }[], id: string) =>
      measures.find((m) => m.measureId === id)?.status;
    const march = await get('/rule-history/measures?validOn=2026-03-01');
    expect(status(march.body.measures, 'no-57-2025')).toBe('suspended');
    expect(status(march.body.measures, 'no-18-2025')).toBe('in_force');
    const november = await get('/rule-history/measures?validOn=2026-11-20');
    expect(status(november.body.measures, 'no-57-2025')).toBe('in_force');
    expect(november.body.knownAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('gives the history of one measure and a problem for an unknown one', async () => {
    const history = await get('/rule-history/measures/no-57-2025');
    expect(history.status).toBe(200);
    const missing = await get('/rule-history/measures/no-999');
    expect(missing).toMatchObject({ status: 404, type: expect.stringContaining('application/problem+json') });
    expect(missing.body).toMatchObject({
      code: 'control_measure.not_found',
      instance: '/rule-history/measures/no-999',
    });
  });

  it('refuses a malformed date with a problem naming the field', async () => {
    const bad = await get('/rule-history/measures?validOn=2026-13-45');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'validOn' })]);
  });
});
