import { JSON_SCHEMA_DIR } from '@licensing/contracts';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './built-apps';

// Strict: an unknown keyword in a checked-in schema is an error, so a
// generator change cannot make the check silently weaker.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/**
 * Validates a message value against the checked-in JSON Schema file of its
 * type (e.g. `license.issued` v1 → license.issued.v1.schema.json), the file
 * downstream teams in other languages validate with. Returns the problems,
 * empty when the value is valid.
 */
export function checkedInSchemaProblems(type: string, version: number, value: unknown): string[] {
  const file = `${type}.v${version}.schema.json`;
  let validate = validators.get(file);
  if (validate === undefined) {
    validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, JSON_SCHEMA_DIR, file), 'utf8')) as object);
    validators.set(file, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
}
