import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';

@Module({})
class ShutdownHookRoot {}

/**
 * The app's module with `onShutdown` run when the app shuts down (app.close()
 * or a signal with shutdown hooks enabled), after the app's own modules':
 * what the process started beside the app (the tracing SDK) stops last, so
 * the spans of the app's last work are still sent.
 */
export function withShutdownHook(module: DynamicModule, onShutdown: () => Promise<void>): DynamicModule {
  const hook: OnApplicationShutdown = { onApplicationShutdown: onShutdown };
  return {
    module: ShutdownHookRoot,
    imports: [module],
    providers: [{ provide: 'licensing:shutdown-hook', useValue: hook }],
  };
}
