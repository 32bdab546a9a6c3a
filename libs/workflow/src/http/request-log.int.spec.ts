import { Controller, Get, Logger, type DynamicModule, Module, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger } from '@licensing/platform';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from './http-edge';
import { ProblemDetailsFilter } from './problem-details.filter';

@Controller('things')
class ThingsController {
  private readonly logger = new Logger('Things');

  @Get()
  list() {
    this.logger.log('Listing things');
    return [];
  }

  @Post()
  create() {
    throw new Error('the disk is full');
  }
}

@Module({})
class ThingsModule {}

const thingsModule: DynamicModule = {
  module: ThingsModule,
  controllers: [ThingsController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
};

/** The HTTP kit's logging on a small app of its own: request lines, Nest's lines inside a request, the edge's refusals. */
describe('createHttpApp: one JSON line per request, and request-bound lines', () => {
  const lines: Record<string, unknown>[] = [];
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    const logger = createLogger({
      app: 'things',
      destination: { write: (text: string) => void lines.push(JSON.parse(text) as Record<string, unknown>) },
    });
    app = await createHttpApp(thingsModule, { logger, bodyLimitBytes: 1024, corsOrigins: [] });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  const linesOf = (correlationId: string) => lines.filter((line) => line['correlationId'] === correlationId);

  it("binds the request's correlation id to what a handler logs, and writes the request's line after", async () => {
    const reply = await fetch(`${url}/things`, { headers: { 'X-Correlation-Id': 'things-1' } });
    expect(reply.status).toBe(200);
    expect(linesOf('things-1')).toEqual([
      expect.objectContaining({ context: 'Things', msg: 'Listing things' }),
      expect.objectContaining({ msg: 'GET /things 200', route: '/things', status: 200, outcome: 'ok' }),
    ]);
  });

  it('logs a 500 with its stack, bound to the request, then the request line at error', async () => {
    const reply = await fetch(`${url}/things`, {
      method: 'POST',
      headers: { 'X-Correlation-Id': 'things-2', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(500);
    const [problem, request] = linesOf('things-2');
    expect(problem).toMatchObject({ level: 50, context: 'Problems', msg: 'Answered 500: the disk is full' });
    expect((problem!['err'] as { stack: string }).stack).toMatch(/the disk is full\n\s+at /);
    expect(request).toMatchObject({ level: 50, status: 500, outcome: 'error', problem: 'internal' });
  });

  it('logs the edge’s own refusals, which no route answers: a body that is not JSON, one over the limit', async () => {
    const post = (correlationId: string, body: string, type: string) =>
      fetch(`${url}/things`, {
        method: 'POST',
        headers: { 'X-Correlation-Id': correlationId, 'content-type': type },
        body,
      });
    expect((await post('things-3', 'a=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('things-4', JSON.stringify({ pad: 'x'.repeat(2048) }), 'application/json')).status).toBe(413);
    expect(linesOf('things-3')).toEqual([
      expect.objectContaining({ route: 'unmatched', status: 415, problem: 'request.unsupported_media_type' }),
    ]);
    expect(linesOf('things-4')).toEqual([
      expect.objectContaining({ route: 'unmatched', status: 413, problem: 'request.body_too_large' }),
    ]);
  });

  it('ignores an X-Correlation-Id it cannot use and makes one, answering it', async () => {
    const reply = await fetch(`${url}/things`, { headers: { 'X-Correlation-Id': 'has spaces' } });
    const made = reply.headers.get('x-correlation-id') ?? '';
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(made)).toHaveLength(2);
  });
});
