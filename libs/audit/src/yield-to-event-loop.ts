import { setImmediate } from 'node:timers/promises';

/**
 * Lets the server answer other requests between two batches of a long,
 * CPU-bound pass (verifying or exporting a million events): awaiting a read
 * that SQLite answers synchronously only queues a microtask, which never lets
 * I/O through.
 */
export const yieldToEventLoop = (): Promise<void> => setImmediate();
