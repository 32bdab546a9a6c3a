import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppLogger, createLogger, startTracing } from '@licensing/platform';
import {
  correlateRequests,
  PinoNestLogger,
  requestLog,
  withShutdownHook,
  withStructuredLogs,
} from '@licensing/workflow';
import type { DestinationStream } from 'pino';
import type { RelayConfig } from './relay-config';
import { RelayModule } from './relay.module';

/** Starts the relay and its status endpoint; `app.close()` stops the relay, then closes the store and the checkpoint file. */
export async function startRelayApp(
  config: RelayConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<{ app: INestApplication; url: string; logger: AppLogger }> {
  const logger = createLogger({
    app: 'license-relay',
    LOG_LEVEL: config.LOG_LEVEL,
    LOG_FORMAT: config.LOG_FORMAT,
    ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
  });
  // Null (nothing started) unless OTEL_TRACES_EXPORTER asks; stopped after the relay, so its last spans are sent.
  const tracing = startTracing(config, 'license-relay');
  const module = RelayModule.forRoot(config);
  const root = tracing === null ? module : withShutdownHook(module, () => tracing.shutdown());
  try {
    const app = await NestFactory.create(withStructuredLogs(root, logger), { logger: new PinoNestLogger(logger) });
    app.use(correlateRequests);
    app.use(requestLog(logger));
    await app.listen(config.RELAY_PORT, config.RELAY_HOST);
    const address = (app.getHttpServer() as Server).address() as AddressInfo;
    return { app, url: `http://${config.RELAY_HOST}:${address.port}`, logger };
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
}
