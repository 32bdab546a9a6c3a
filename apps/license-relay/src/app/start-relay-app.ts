import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RelayConfig } from './relay-config';
import { RelayModule } from './relay.module';

const LOG_LEVELS = {
  log: ['error', 'warn', 'log'],
  warn: ['error', 'warn'],
  error: ['error'],
} as const satisfies Record<RelayConfig['LOG_LEVEL'], LogLevel[]>;

/** Starts the relay and its status endpoint; `app.close()` stops the relay, then closes the store and the checkpoint file. */
export async function startRelayApp(config: RelayConfig): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(RelayModule.forRoot(config), { logger: [...LOG_LEVELS[config.LOG_LEVEL]] });
  await app.listen(config.RELAY_PORT, config.RELAY_HOST);
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://${config.RELAY_HOST}:${address.port}` };
}
