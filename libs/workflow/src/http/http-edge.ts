import type { DynamicModule, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Metrics } from '@licensing/platform';
import helmet from 'helmet';
import { JSON_MEDIA_TYPES, requireJsonBody, translateBodyErrors } from './body-errors';
import { httpMetrics } from './http-metrics';

export interface HttpEdgeOptions {
  /** The largest body read, in bytes (the app's BODY_LIMIT setting). */
  readonly bodyLimitBytes: number;
  /** Origins a browser may call from; empty, no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** Where to count requests by route and status (`httpMetrics`); nothing is recorded without it. */
  readonly metrics?: Metrics;
}

/**
 * Headers for a JSON API: nothing is ever rendered, so the content security
 * policy allows nothing and no framing. It does not get in the way of
 * /openapi.json: a tool fetching the document is governed by CORS, not by
 * the document's own CSP.
 */
const JSON_API_HEADERS = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' },
});

/**
 * Creates a Nest app with the hardened edge every HTTP app of ours shares.
 * Nest's own body parsers are off (`bodyParser: false`): its default JSON
 * parser has a fixed 100 kB limit and its urlencoded parser would read
 * bodies the API never accepts.
 */
export async function createHttpApp(
  module: DynamicModule,
  options: HttpEdgeOptions & { logger: LogLevel[] | false },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: options.logger, bodyParser: false });
  configureHttpEdge(app, options);
  return app;
}

/**
 * The order matters: security headers go on every answer, refusals
 * included; CORS answers preflights before anything else runs; a body that
 * is not JSON is refused before it is read; the JSON parser reads at most
 * the limit; its errors become typed refusals the problem filter renders.
 * Routes, guards (rate limit by address, then the actor) follow at init.
 */
export function configureHttpEdge(app: NestExpressApplication, options: HttpEdgeOptions): void {
  app.disable('x-powered-by');
  if (options.metrics) app.use(httpMetrics(options.metrics));
  app.use(JSON_API_HEADERS);
  if (options.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST'],
      exposedHeaders: ['ETag', 'Idempotent-Replayed', 'Retry-After'],
      maxAge: 600,
    });
  }
  app.use(requireJsonBody);
  app.useBodyParser('json', { limit: options.bodyLimitBytes, type: JSON_MEDIA_TYPES });
  app.use(translateBodyErrors);
}
