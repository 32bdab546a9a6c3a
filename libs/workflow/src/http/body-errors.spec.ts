import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { formatBytes, JSON_MEDIA_TYPES, requireJsonBody, translateBodyErrors } from './body-errors';
import { EdgeRefusal } from './edge-refusal';

/** The real express.json() behind the kit's middlewares, so the mapping is proved on body-parser's own errors. */
describe('body errors: what body-parser refuses becomes a typed refusal', () => {
  let server: Server;
  let url: string;
  let seen: unknown;

  beforeAll(async () => {
    const app = express();
    app.use(requireJsonBody);
    app.use(express.json({ limit: 1024, type: JSON_MEDIA_TYPES }));
    app.use(translateBodyErrors);
    app.post('/', (request: Request, response: Response) => {
      response.json({ body: request.body as unknown });
    });
    app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
      seen = error;
      response.status(error instanceof EdgeRefusal ? error.status : 500).end();
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = async (body: string | Buffer | undefined, headers: Record<string, string> = {}) => {
    seen = undefined;
    const response = await fetch(url, { method: 'POST', body, headers });
    await response.arrayBuffer();
    return { status: response.status, error: seen as EdgeRefusal | undefined };
  };
  const json = { 'content-type': 'application/json' };

  it('answers a body over the limit with 413 and says the limit, whether its length was declared or not', async () => {
    const declared = await post(JSON.stringify({ text: 'x'.repeat(2000) }), json);
    expect(declared.status).toBe(413);
    expect(declared.error).toMatchObject({ code: 'request.body_too_large', details: { limitBytes: 1024 } });
    expect(declared.error?.message).toContain('1 KB');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(`"${'y'.repeat(600)}",`));
        controller.close();
      },
    });
    const chunked = await fetch(url, { method: 'POST', body: chunks, headers: json, duplex: 'half' });
    expect(chunked.status).toBe(413);
  });

  it('counts the inflated size of a compressed body, so a small gzip bomb is refused too', async () => {
    const bomb = gzipSync(JSON.stringify({ text: ' '.repeat(100_000) }));
    expect(bomb.length).toBeLessThan(1024);
    expect((await post(bomb, { ...json, 'content-encoding': 'gzip' })).status).toBe(413);
  });

  it('answers malformed JSON with 400 request.malformed_json, quoting nothing of the body', async () => {
    const { status, error } = await post('{"reason": "oops', json);
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'request.malformed_json' });
    expect(error?.message).not.toContain('oops');
  });

  it('answers 415 for a body that is not JSON, an unknown encoding or charset', async () => {
    expect((await post('reason=x', { 'content-type': 'application/x-www-form-urlencoded' })).error).toMatchObject({
      status: 415,
      code: 'request.unsupported_media_type',
    });
    expect((await post('{}')).error).toMatchObject({ status: 415 });
    expect((await post('{}', { ...json, 'content-encoding': 'compress' })).error).toMatchObject({
      status: 415,
      code: 'request.unsupported_content_encoding',
    });
    expect((await post('{}', { 'content-type': 'application/json; charset=koi8-r' })).error).toMatchObject({
      status: 415,
      code: 'request.unsupported_charset',
    });
  });

  it('lets JSON through, and a bare POST with no body at all', async () => {
    expect((await post('{"a":1}', { 'content-type': 'application/problem+json' })).status).toBe(200);
    expect((await post(undefined)).status).toBe(200);
  });

  it('says sizes the way the setting is written', () => {
    expect([formatBytes(1024 * 1024), formatBytes(512 * 1024), formatBytes(1000)]).toEqual([
      '1 MB',
      '512 KB',
      '1000 bytes',
    ]);
  });
});
