import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type AppLogger, createLogger, startTracing } from '@licensing/platform';
import { createHttpApp } from '@licensing/workflow';
import type { DestinationStream } from 'pino';
import type { RelayConfig } from './relay-config';
import { RelayModule } from './relay.module';

// The only bodies it reads are a retry's or skip's reason.
const DECISION_BODY_LIMIT_BYTES = 16 * 1024;

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
  try {
    // The service's HTTP edge: correlation ids, request lines, security headers, JSON bodies only, problem details.
    const app = await createHttpApp(RelayModule.forRoot(config), {
      logger,
      bodyLimitBytes: DECISION_BODY_LIMIT_BYTES,
      corsOrigins: [],
      ...(tracing === null ? {} : { onShutdown: () => tracing.shutdown() }),
    });
    await app.listen(config.RELAY_PORT, config.RELAY_HOST);
    const address = app.getHttpServer().address() as AddressInfo;
    return { app, url: `http://${config.RELAY_HOST}:${address.port}`, logger };
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
}
