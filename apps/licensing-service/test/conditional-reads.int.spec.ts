import {
  approvedApplication,
  exporterUser,
  issuedLicense,
  officer,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

/**
 * An application's view carries the application stream's revision as its
 * ETag (for If-Match), yet it also shows the license issued on it: a client
 * revalidating with If-None-Match must get the new answer, never a 304 that
 * keeps the old one. (A browser revalidates with `Cache-Control: max-age=0`;
 * without it, fetch would add `no-cache`, which Express never answers with 304.)
 */
const revalidate = (etag: string | null) => ({ 'If-None-Match': etag ?? '', 'Cache-Control': 'max-age=0' });
describe('reads whose ETag is a stream revision always answer in full', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start('2026-11-23T02:00:00Z');
  }, 30_000);
  afterAll(async () => {
    await service.dispose();
  }, 30_000);

  it('answers an unchanged revision with 200 and the license issued since', async () => {
    await approvedApplication(client, 'app-cond-1');
    const before = await client.get('/applications/app-cond-1', exporterUser);
    expect(before.status).toBe(200);
    expect(before.body.licenseId ?? null).toBeNull();
    const etag = before.headers.get('etag')!;

    expect(
      (
        await client.post('/licenses', officer, {
          applicationId: 'app-cond-1',
          validFrom: '2026-12-01',
          validUntil: '2027-11-30',
        })
      ).status,
    ).toBe(201);
    const after = await client.get('/applications/app-cond-1', exporterUser, revalidate(etag));
    expect(after.headers.get('etag')).toBe(etag); // the application stream did not change
    expect(after.status).toBe(200);
    expect(after.body.licenseId).toEqual(expect.any(String));
  });

  it('does the same for a license and an exporter', async () => {
    const licenseId = await issuedLicense(client, 'app-cond-2', '2026-12-01', '2027-11-30');
    const license = await client.get(`/licenses/${licenseId}`, exporterUser);
    const again = await client.get(`/licenses/${licenseId}`, exporterUser, revalidate(license.headers.get('etag')));
    expect(again.status).toBe(200);
    const exporter = await client.get('/exporters/ningbo-magnetics', exporterUser);
    const exporterAgain = await client.get(
      '/exporters/ningbo-magnetics',
      exporterUser,
      revalidate(exporter.headers.get('etag')),
    );
    expect(exporterAgain.status).toBe(200);
  });
});
