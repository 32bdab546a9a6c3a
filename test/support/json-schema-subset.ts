import { JSON_SCHEMA_DIR } from '@licensing/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './built-apps';

/**
 * No JSON Schema validator package is installed here (no ajv), so the
 * integration specs check messages against the checked-in files with this
 * validator of exactly the keywords those files use. An unknown keyword
 * throws, so a generator change cannot make the check silently weaker.
 */
type Schema = { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(['title', '$schema', 'description', 'format']);
const KEYWORDS = new Set(['type', 'properties', 'required', 'const', 'enum', 'pattern', 'minLength', 'minItems', 'items', 'anyOf', 'oneOf', 'minimum', 'maximum', 'exclusiveMinimum']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeOf(value) === type;
}

/** The problems of `value` against `schema`, each with its JSON path; empty when valid. */
export function jsonSchemaProblems(schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !KEYWORDS.has(keyword)) throw new Error(`Unsupported JSON Schema keyword "${keyword}" at ${path}`);
  }
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${path}: ${message}`);
  const types = schema['type'] === undefined ? [] : ([] as string[]).concat(schema['type'] as string | string[]);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) return [`${path}: ${typeOf(value)} is not ${types.join(' | ')}`];
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema['const'])) fail(`must be ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !schema['enum'].some((option) => JSON.stringify(option) === JSON.stringify(value))) fail(`${JSON.stringify(value)} is not one of the enum`);
  if (typeof value === 'string') {
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) fail(`"${value}" does not match ${schema['pattern']}`);
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) fail(`shorter than ${schema['minLength']}`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) fail(`below ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) fail(`above ${schema['maximum']}`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) fail(`not above ${schema['exclusiveMinimum']}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) fail(`fewer than ${schema['minItems']} items`);
    if (schema['items'] !== undefined) value.forEach((item, i) => problems.push(...jsonSchemaProblems(schema['items'] as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (schema['required'] as string[] | undefined) ?? []) if (!(name in object)) fail(`missing required "${name}"`);
    for (const [name, property] of Object.entries((schema['properties'] as Record<string, Schema> | undefined) ?? {})) {
      if (name in object) problems.push(...jsonSchemaProblems(property, object[name], `${path}.${name}`));
    }
  }
  const branches = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (branches !== undefined) {
    const passing = branches.filter((branch) => jsonSchemaProblems(branch, value, path).length === 0).length;
    if (passing === 0) fail('matches none of the alternatives');
    if (schema['oneOf'] !== undefined && passing > 1) fail(`matches ${passing} alternatives of oneOf`);
  }
  return problems;
}

const cache = new Map<string, Schema>();

/** The checked-in schema of a message type, e.g. `license.issued` → license.issued.v1.schema.json. */
export function checkedInSchema(type: string, version: number): Schema {
  const file = `${type}.v${version}.schema.json`;
  let schema = cache.get(file);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(join(REPO_ROOT, JSON_SCHEMA_DIR, file), 'utf8')) as Schema;
    cache.set(file, schema);
  }
  return schema;
}
