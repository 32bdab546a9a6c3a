import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppLogger, createLogger, Metrics, startTracing } from '@licensing/platform';
import { createHttpApp } from '@licensing/workflow';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { ServiceConfig } from './config';
import { serveConsole } from './console/serve-console';

export interface ServiceOptions {
  /** Where the log lines go instead of stdout, as JSON lines (specs read them). */
  readonly logDestination?: DestinationStream;
}

/** Builds and starts the embedded service; main.ts and the tests share it. */
export async function startService(
  config: ServiceConfig,
  options: ServiceOptions = {},
): Promise<{ app: INestApplication; url: string; logger: AppLogger }> {
  const logger = createLogger({
    app: 'licensing-service',
    LOG_LEVEL: config.LOG_LEVEL,
    LOG_FORMAT: config.LOG_FORMAT,
    ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
  });
  // Before the app is built, so the edge installs its request spans; null (nothing started) unless configured.
  const tracing = startTracing(config, 'licensing-service');
  // The hardened edge: security headers, CORS only for CORS_ORIGINS, JSON bodies up to BODY_LIMIT (413/415/400 problems).
  // One registry per service instance (never prom-client's global one): two services in one process never collide.
  const metrics = new Metrics();
  let app: NestExpressApplication;
  try {
    app = await createHttpApp(AppModule.forRoot(config, metrics), {
      logger,
      bodyLimitBytes: config.BODY_LIMIT,
      corsOrigins: config.CORS_ORIGINS,
      metrics,
      // Uploads are bytes of any media type, up to their own limit (DOCUMENT_MAX_BYTES), not JSON.
      rawBodies: [
        { method: 'POST', path: '/documents', limitBytes: config.DOCUMENT_MAX_BYTES },
        // OAuth's token endpoint takes a form (RFC 6749 §4.1.3), not JSON.
        { method: 'POST', path: '/oauth/token', limitBytes: 16 * 1024 },
      ],
      ...(tracing === null ? {} : { onShutdown: () => tracing.shutdown() }),
    });
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
  // BigInt revisions and positions leave as decimal strings.
  app.set('json replacer', (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  app.enableShutdownHooks();
  serveConsole(app, config);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${config.HOST}:${address.port}`, logger };
}
