import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { type INestApplication, type LogLevel } from '@nestjs/common';
import { Metrics } from '@licensing/platform';
import { createHttpApp } from '@licensing/workflow';
import { AppModule } from './app.module';
import type { ServiceConfig } from './config';

const LOG_LEVELS = {
  log: ['error', 'warn', 'log'],
  warn: ['error', 'warn'],
  error: ['error'],
} as const satisfies Record<ServiceConfig['LOG_LEVEL'], LogLevel[]>;

/** Builds and starts the embedded service; main.ts and the tests share it. */
export async function startService(config: ServiceConfig): Promise<{ app: INestApplication; url: string }> {
  // The hardened edge: security headers, CORS only for CORS_ORIGINS, JSON bodies up to BODY_LIMIT (413/415/400 problems).
  // One registry per service instance (never prom-client's global one): two services in one process never collide.
  const metrics = new Metrics();
  const app = await createHttpApp(AppModule.forRoot(config, metrics), {
    logger: [...LOG_LEVELS[config.LOG_LEVEL]],
    bodyLimitBytes: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS,
    metrics,
  });
  // BigInt revisions and positions leave as decimal strings.
  app.set('json replacer', (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${config.HOST}:${address.port}` };
}
