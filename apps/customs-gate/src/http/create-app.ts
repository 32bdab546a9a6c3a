import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@licensing/workflow';
import type { GateConfig } from './config';
import { GateModule } from './gate.module';

/**
 * Builds and starts the gate: the consumer runs before the port opens.
 * `instanceId` names this gate's consumer group (a fresh one per start by
 * default, because the book lives in memory and must be read in full).
 */
export async function startGateApp(
  config: GateConfig,
  options: { instanceId?: string; logger?: false } = {},
): Promise<{ app: INestApplication; url: string }> {
  // The edge the licensing service has: security headers, CORS only if configured, JSON bodies up to BODY_LIMIT.
  const app = await createHttpApp(GateModule.forRoot(config, options.instanceId ?? randomUUID()), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyLimitBytes: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS,
  });
  app.enableShutdownHooks();
  try {
    await app.listen(config.GATE_PORT, config.HOST);
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${config.HOST}:${address.port}` };
}
