/** How many events one page of the event log may hold, and how many it holds unless asked. */
export const EVENT_PAGE_LIMITS = { min: 1, max: 1000, default: 100 } as const;

/**
 * A filtered `$all` page examines at most this many events per event asked
 * for (and at least EVENT_SCAN_FLOOR), then answers what it found with a cursor:
 * a filter that matches rarely costs the client more requests, never the
 * server an unbounded scan.
 */
export const EVENT_SCAN_PER_EVENT = 10;
export const EVENT_SCAN_FLOOR = 1000;

/** The largest `$all` position and stream revision a store can hold (SQLite's signed 64-bit integer). */
export const MAX_LOG_POSITION = 2n ** 63n - 1n;

/** Refuses what the HTTP layer's query schemas already refuse: a caller in code gets a RangeError. */
export function checkedLimit(limit: number | undefined): number {
  const value = limit ?? EVENT_PAGE_LIMITS.default;
  if (!Number.isInteger(value) || value < EVENT_PAGE_LIMITS.min || value > EVENT_PAGE_LIMITS.max)
    throw new RangeError(
      `limit must be a whole number from ${EVENT_PAGE_LIMITS.min} to ${EVENT_PAGE_LIMITS.max}, got ${value}`,
    );
  return value;
}

export function checkedBound(name: string, value: bigint): bigint {
  if (value < 0n || value > MAX_LOG_POSITION)
    throw new RangeError(`${name} must be from 0 to ${MAX_LOG_POSITION}, got ${value}`);
  return value;
}
