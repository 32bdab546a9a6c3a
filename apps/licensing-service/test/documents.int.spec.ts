import {
  type As,
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  otherExporterUser,
  registerBaotou,
  registerNingbo,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Documents with content hashes, over HTTP: bytes uploaded raw, named by
 * hash when documents are supplied, recorded with the hash and media type,
 * and read back by whoever may read the application, with the hash checked.
 */
describe('documents with content hashes over HTTP', () => {
  const service = new RunningService();
  let client: ServiceClient;
  // Binary, and larger than the JSON body limit of this service (BODY_LIMIT=1kb below).
  const certificate = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);

  beforeAll(async () => {
    client = await service.start(NOW, { BODY_LIMIT: '1kb', DOCUMENT_MAX_BYTES: '8kb' });
    await client.post('/exporters', exporterUser, registerNingbo);
    await client.post('/exporters', otherExporterUser, registerBaotou);
  });
  afterAll(() => service.dispose());

  async function upload(as: As, bytes: Buffer, contentType?: string) {
    const response = await fetch(`${client.url}/documents`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await client.token(as)}`,
        ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
      },
      body: bytes,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  }

  async function download(as: As, sha256: string) {
    const response = await fetch(`${client.url}/documents/${sha256}`, {
      headers: { Authorization: `Bearer ${await client.token(as)}` },
    });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('stores uploaded bytes under their SHA-256 in DATA_DIR, once, whatever the JSON body limit', async () => {
    const sha256 = sha256Of(certificate);
    const first = await upload(exporterUser, certificate, 'application/pdf');
    expect({ status: first.status, body: first.body }).toEqual({
      status: 201,
      body: { sha256, mediaType: 'application/pdf', size: certificate.length },
    });
    expect(first.headers.get('location')).toBe(`/documents/${sha256}`);
    expect(existsSync(join(service.dataDir, 'documents', 'sha256', sha256.slice(0, 2), sha256))).toBe(true);
    const again = await upload(exporterUser, certificate, 'application/pdf');
    expect({ status: again.status, sha256: again.body['sha256'] }).toEqual({ status: 200, sha256 });
  });

  it('refuses a document over DOCUMENT_MAX_BYTES (413), without a media type or empty (400); only exporters upload', async () => {
    const tooLarge = await upload(exporterUser, randomBytes(8 * 1024 + 1), 'application/pdf');
    expect({ status: tooLarge.status, code: tooLarge.body['code'], limit: tooLarge.body['limitBytes'] }).toEqual({
      status: 413,
      code: 'request.body_too_large',
      limit: 8192,
    });
    const untyped = await upload(exporterUser, Buffer.from('bytes'));
    expect({ status: untyped.status, code: untyped.body['code'] }).toEqual({
      status: 400,
      code: 'document.media_type_required',
    });
    const empty = await upload(exporterUser, Buffer.alloc(0), 'text/plain');
    expect({ status: empty.status, code: empty.body['code'] }).toEqual({ status: 400, code: 'document.empty' });
    const byOfficer = await upload(officer, Buffer.from('x'), 'text/plain');
    expect({ status: byOfficer.status, code: byOfficer.body['code'] }).toEqual({
      status: 403,
      code: 'document.forbidden',
    });
  });

  it('records the hash and media type with supplied documents, and gives the bytes back to who may read the case', async () => {
    const sha256 = sha256Of(certificate);
    const contract = Buffer.from('Sales contract CT-2026-001, signed');
    const contractSha = (await upload(exporterUser, contract, 'text/plain')).body['sha256'] as string;
    const drafted = await client.post(
      '/applications',
      exporterUser,
      magnetApplication('app-docs', {
        documents: [{ name: 'Sales contract', ref: 'CT-2026-001', sha256: contractSha }],
      }),
    );
    expect(drafted.status).toBe(201);
    for (const [action, as, body] of [
      ['submit', exporterUser],
      ['accept', officer],
      ['request-documents', officer, { documents: ['End-user certificate'], reason: 'The original' }],
    ] as const)
      expect((await client.post(`/applications/app-docs/${action}`, as, body)).status).toBe(200);
    const supplied = await client.post('/applications/app-docs/supply-documents', exporterUser, {
      documents: [{ name: 'End-user certificate', ref: 'EUC-2026-001', sha256 }],
    });
    expect(supplied.status).toBe(200);

    const view = (await client.get('/applications/app-docs', officer)).body;
    expect(view.documents).toEqual([
      {
        name: 'Sales contract',
        ref: 'CT-2026-001',
        sha256: contractSha,
        mediaType: 'text/plain',
        source: 'application',
        namedOn: '2026-11-23',
      },
      {
        name: 'End-user certificate',
        ref: 'EUC-2026-001',
        sha256,
        mediaType: 'application/pdf',
        source: 'supplied',
        namedOn: '2026-11-23',
      },
    ]);

    // The auditor re-hashes what the record names: the same bytes the exporter sent.
    const read = await download(auditor, sha256);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(sha256Of(read.bytes)).toBe(sha256);
    expect(read.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    expect((await download(exporterUser, contractSha)).bytes.toString()).toBe(contract.toString());
  });

  it('hides the bytes from whoever may not read an application that names them: 404, like a hash never stored', async () => {
    const sha256 = sha256Of(certificate);
    const outOfScope = await download(otherExporterUser, sha256);
    const neverStored = await download(otherExporterUser, '0'.repeat(64));
    expect([outOfScope.status, neverStored.status]).toEqual([404, 404]);
    const problem = (reply: { bytes: Buffer }, id: string) => JSON.parse(reply.bytes.toString().replaceAll(id, 'X'));
    expect(problem(outOfScope, sha256)).toEqual(problem(neverStored, '0'.repeat(64)));
    // A reviewer reads the application only once assigned to it, and its documents with it.
    expect((await download(reviewer, sha256)).status).toBe(404);
    expect(
      (await client.post('/applications/app-docs/assign-reviewer', officer, { reviewerId: reviewer.id })).status,
    ).toBe(200);
    expect((await download(reviewer, sha256)).status).toBe(200);
    // Bytes uploaded but named by no case are nobody's to read yet.
    const unnamed = (await upload(exporterUser, Buffer.from('draft notes'), 'text/plain')).body['sha256'] as string;
    expect((await download(exporterUser, unnamed)).status).toBe(404);
  });

  it('refuses a document whose hash names no stored bytes, or whose media type is not the stored one (422), storing nothing', async () => {
    const missing = await client.post('/applications/app-docs/supply-documents', exporterUser, {
      documents: [{ name: 'End-user certificate', ref: 'EUC-2', sha256: 'f'.repeat(64) }],
    });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 422, code: 'document.not_stored' });
    const mistyped = await client.post(
      '/applications',
      exporterUser,
      magnetApplication('app-docs-2', {
        documents: [{ name: 'Certificate', ref: 'EUC-3', sha256: sha256Of(certificate), mediaType: 'image/png' }],
      }),
    );
    expect({ status: mistyped.status, code: mistyped.body.code }).toEqual({
      status: 422,
      code: 'document.media_type_mismatch',
    });
    expect((await client.get('/applications/app-docs-2', officer)).status).toBe(404);
  });
});
