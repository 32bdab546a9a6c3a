/** One place where two decision records disagree, as a JSON path. */
export interface RecordDifference {
  readonly path: string;
  readonly recorded: unknown;
  readonly replayed: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structural differences between two JSON-like values. Arrays are compared
 * by index, which is right for records whose order is deterministic.
 * Properties that are `undefined` count as absent, as they do once stored as JSON.
 */
export function diffValues(recorded: unknown, replayed: unknown, path = '$'): RecordDifference[] {
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    const length = Math.max(recorded.length, replayed.length);
    return Array.from({ length }, (_, i) => diffValues(recorded[i], replayed[i], `${path}[${i}]`)).flat();
  }
  if (isObject(recorded) && isObject(replayed)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(replayed)])].sort();
    return keys.flatMap((key) => diffValues(recorded[key], replayed[key], `${path}.${key}`));
  }
  return Object.is(recorded, replayed) ? [] : [{ path, recorded, replayed }];
}
