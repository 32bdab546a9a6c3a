import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppLogger, type Metrics, tracingActive } from '@licensing/platform';
import helmet from 'helmet';
import { answerUnreadableRequests } from './client-errors';
import { JSON_MEDIA_TYPES, requireJsonBody, translateBodyErrors } from './body-errors';
import { CORRELATION_HEADER, correlateRequests } from './correlation';
import { httpMetrics } from './http-metrics';
import { rawBody, type RawBodyRoute } from './raw-body';
import { PinoNestLogger } from './nest-logger';
import { requestLog } from './request-log';
import { traceRequests } from './request-tracing';
import { withShutdownHook } from './shutdown-hook';
import { withStructuredLogs } from './structured-logs';

export interface HttpEdgeOptions {
  /** The largest body read, in bytes (the app's BODY_LIMIT setting). */
  readonly bodyLimitBytes: number;
  /** Origins a browser may call from; empty, no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** Where to count requests by route and status (`httpMetrics`); nothing is recorded without it. */
  readonly metrics?: Metrics;
  /** Where each request's line goes (`requestLog`); no request lines without it. */
  readonly logger?: AppLogger;
  /** Routes that take bytes of any media type (uploads), each with its own limit; every other body is JSON. */
  readonly rawBodies?: readonly RawBodyRoute[];
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
  options: HttpEdgeOptions & {
    logger: AppLogger;
    /** Runs when the app has shut down (e.g. stopping the tracing SDK the app's process started). */
    onShutdown?: () => Promise<void>;
  },
): Promise<NestExpressApplication> {
  const root = options.onShutdown ? withShutdownHook(module, options.onShutdown) : module;
  // Nest's own lines (bootstrap, mapped routes, our Loggers) go to the app's pino logger too.
  const app = await NestFactory.create<NestExpressApplication>(withStructuredLogs(root, options.logger), {
    logger: new PinoNestLogger(options.logger),
    bodyParser: false,
  });
  configureHttpEdge(app, options);
  return app;
}

/**
 * The order matters: the request's span (only while tracing is on), its
 * correlation id and its log line come first, so every answer has them,
 * refusals included; security headers go on every answer too; CORS answers preflights before anything else runs; a body that
 * is not JSON is refused before it is read; the JSON parser reads at most
 * the limit; its errors become typed refusals the problem filter renders.
 * Routes, guards (rate limit by address, then the actor) follow at init.
 */
export function configureHttpEdge(app: NestExpressApplication, options: HttpEdgeOptions): void {
  app.disable('x-powered-by');
  answerUnreadableRequests(app.getHttpServer());
  if (tracingActive()) app.use(traceRequests);
  app.use(correlateRequests);
  if (options.logger) app.use(requestLog(options.logger));
  if (options.metrics) app.use(httpMetrics(options.metrics));
  app.use(JSON_API_HEADERS);
  if (options.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST'],
      exposedHeaders: ['ETag', 'Idempotent-Replayed', 'Retry-After', CORRELATION_HEADER],
      maxAge: 600,
    });
  }
  for (const route of options.rawBodies ?? []) app.use(rawBody(route));
  app.use(requireJsonBody);
  app.useBodyParser('json', { limit: options.bodyLimitBytes, type: JSON_MEDIA_TYPES });
  app.use(translateBodyErrors);
}
