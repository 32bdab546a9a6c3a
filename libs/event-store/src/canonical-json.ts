/**
 * Canonical JSON for hashing: object keys sorted by code unit, no whitespace,
 * bigint as a decimal string. Values JSON cannot carry faithfully (NaN,
 * Infinity, functions, symbols, undefined inside arrays, class instances
 * such as Date) are refused rather than silently changed, because the hash
 * must match what a reader gets back from storage.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot store`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString(10));
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      return writeObject(value, path);
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot store`);
  }
}

function writeObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path} is a ${value.constructor.name}; convert it to plain JSON first`);
  }
  const entries = Object.entries(value)
    // Absent and undefined mean the same once stored, as in JSON.stringify.
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
}
