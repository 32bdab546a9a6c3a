import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import type { AppLogger } from '@licensing/platform';
import { LoggerModule } from 'nestjs-pino';

/** The app's pino logger, for providers that hand it to a library (kafkajs' logCreator). */
export const APP_LOGGER = Symbol('APP_LOGGER');

@Module({})
class StructuredLogsRoot {}

/**
 * The app's module beside nestjs-pino's, and the app's logger as
 * APP_LOGGER for any provider. nestjs-pino's middleware binds each
 * request's logger (made by the edge's `requestLog`, which runs earlier,
 * before anything can refuse the request) for the rest of the request, so
 * a handler's, a guard's or the problem filter's log lines carry the
 * request's correlation id. It writes no request line of its own (`useExisting`).
 */
export function withStructuredLogs(module: DynamicModule, logger: AppLogger): DynamicModule {
  return {
    module: StructuredLogsRoot,
    global: true,
    imports: [
      module,
      LoggerModule.forRoot({
        pinoHttp: { logger },
        useExisting: true,
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      }),
    ],
    providers: [{ provide: APP_LOGGER, useValue: logger }],
    exports: [APP_LOGGER],
  };
}
