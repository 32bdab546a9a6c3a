import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type AppLogger, createLogger, startTracing } from '@licensing/platform';
import { createHttpApp } from '@licensing/workflow';
import pino, { type DestinationStream } from 'pino';
import type { GateConfig } from './config';
import { GateModule } from './gate.module';

export interface GateAppOptions {
  /** Names this gate's consumer group; default a fresh UUID per start. */
  readonly instanceId?: string;
  /** `false`: log nothing at all (specs that start many gates). */
  readonly logger?: false;
  /** Where the log lines go instead of stdout, as JSON lines (specs read them). */
  readonly logDestination?: DestinationStream;
}

/**
 * Builds and starts the gate: the consumer runs before the port opens.
 * `instanceId` names this gate's consumer group (a fresh one per start by
 * default, because the book lives in memory and must be read in full).
 */
export async function startGateApp(
  config: GateConfig,
  options: GateAppOptions = {},
): Promise<{ app: INestApplication; url: string; logger: AppLogger }> {
  const logger =
    options.logger === false
      ? pino({ level: 'silent' })
      : createLogger({
          app: 'customs-gate',
          LOG_LEVEL: config.LOG_LEVEL,
          LOG_FORMAT: config.LOG_FORMAT,
          ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
        });
  // Null (nothing started) unless OTEL_TRACES_EXPORTER asks; then each message's handling continues its trace.
  const tracing = startTracing(config, 'customs-gate');
  // The edge the licensing service has: security headers, CORS only if configured, JSON bodies up to BODY_LIMIT.
  const app = await createHttpApp(GateModule.forRoot(config, options.instanceId ?? randomUUID()), {
    logger,
    bodyLimitBytes: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS,
    ...(tracing === null ? {} : { onShutdown: () => tracing.shutdown() }),
  }).catch(async (error: unknown) => {
    await tracing?.shutdown();
    throw error;
  });
  app.enableShutdownHooks();
  try {
    await app.listen(config.GATE_PORT, config.HOST);
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${config.HOST}:${address.port}`, logger };
}
