/**
 * Canonical JSON for hashing: object keys sorted by code unit, no whitespace,
 * bigint as a decimal string. Values JSON cannot carry faithfully (NaN,
 * Infinity, functions, symbols, undefined inside arrays, class instances
 * such as Date) are refused rather than silently changed, because the hash
 * must match what a reader gets back from storage.
 */
export function canonicalJson(value: unknown): string {
  try {
    return fast(value);
  } catch (error) {
    if (error !== REFUSED) throw error;
    // Only now work out where: building paths for every value would double the cost of the happy path.
    return explain(value, '$');
  }
}

const REFUSED = new Error('canonicalJson: a value JSON cannot store');

// The hot path of every append and every verification: plain loops, no paths.
function fast(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw REFUSED;
      return JSON.stringify(value);
    case 'bigint':
      return `"${value.toString(10)}"`;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + fast(value[i]);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw REFUSED;
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, the order canonical JSON needs.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        // Absent and undefined mean the same once stored, as in JSON.stringify.
        if (item === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${fast(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw REFUSED;
  }
}

/** The slow twin of `fast`, with a path in every refusal. */
function explain(value: unknown, path: string): string {
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
      if (Array.isArray(value)) return `[${value.map((item, i) => explain(item, `${path}[${i}]`)).join(',')}]`;
      return explainObject(value, path);
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot store`);
  }
}

function explainObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path} is a ${value.constructor.name}; convert it to plain JSON first`);
  }
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${explain(v, `${path}.${k}`)}`).join(',')}}`;
}
