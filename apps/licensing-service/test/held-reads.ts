import type { EventStore } from '@licensing/event-store';

/**
 * Holds every read of `$all` from its very start until released: what a
 * rebuild's shadow reads first, and nothing that follows the log from a
 * checkpoint (the live read models, the lag probe), so the service goes on
 * as usual while a rebuild started meanwhile is surely still running.
 */
export function holdReadsFromTheStart(store: EventStore): { release: () => void } {
  const readAll = store.readAll.bind(store);
  let open: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (open = resolve));
  const spy = jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
    if (options.fromPosition === undefined) await held;
    return readAll(options);
  });
  return {
    release: () => {
      spy.mockRestore();
      open();
    },
  };
}
