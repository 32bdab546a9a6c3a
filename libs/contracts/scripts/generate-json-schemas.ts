/**
 * Writes libs/contracts/json-schema/*.schema.json from the zod schemas and
 * removes files for schemas that no longer exist. Run from the repository
 * root (see GENERATE_JSON_SCHEMAS_COMMAND); commit the result.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateJsonSchemaFiles, JSON_SCHEMA_DIR } from '../src/json-schemas';

const dir = resolve(__dirname, '..', '..', '..', JSON_SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
const files = generateJsonSchemaFiles();
const wanted = new Set(files.map((f) => f.fileName));
for (const existing of readdirSync(dir)) {
  if (existing.endsWith('.schema.json') && !wanted.has(existing)) rmSync(join(dir, existing));
}
for (const { fileName, content } of files) writeFileSync(join(dir, fileName), content);
console.log(`Wrote ${files.length} JSON Schema files to ${JSON_SCHEMA_DIR}`);
