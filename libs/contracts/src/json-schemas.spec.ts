import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATE_JSON_SCHEMAS_COMMAND, generateJsonSchemaFiles, JSON_SCHEMA_DIR } from './json-schemas';

const dir = resolve(__dirname, '..', '..', '..', JSON_SCHEMA_DIR);
const regenerate = `Regenerate with \`${GENERATE_JSON_SCHEMAS_COMMAND}\` and commit the result.`;

describe('checked-in JSON Schema files', () => {
  const generated = generateJsonSchemaFiles();

  it.each(generated.map((f) => [f.fileName, f.content] as const))('%s matches the zod schema', (fileName, content) => {
    const path = join(dir, fileName);
    if (!existsSync(path)) throw new Error(`${JSON_SCHEMA_DIR}/${fileName} is missing. ${regenerate}`);
    if (readFileSync(path, 'utf8') !== content) {
      throw new Error(`${JSON_SCHEMA_DIR}/${fileName} is stale: it differs from the zod schema. ${regenerate}`);
    }
  });

  it('has no file for a schema that no longer exists', () => {
    const wanted = new Set(generated.map((f) => f.fileName));
    const orphans = readdirSync(dir).filter((name) => name.endsWith('.schema.json') && !wanted.has(name));
    if (orphans.length > 0) throw new Error(`Orphaned JSON Schema files: ${orphans.join(', ')}. ${regenerate}`);
  });

  it('describes each message as an object with its literal type and version', () => {
    const issued = JSON.parse(generated.find((f) => f.fileName === 'license.issued.v1.schema.json')!.content);
    expect(issued.type).toBe('object');
    expect(issued.properties.type).toEqual({ type: 'string', const: 'license.issued' });
    expect(issued.properties.version).toEqual({ type: 'number', const: 1 });
    expect(issued.required).toEqual(
      expect.arrayContaining(['eventId', 'type', 'version', 'subject', 'data', 'sourcePosition']),
    );
  });
});

describe('JSON Schema openness', () => {
  it('never forbids additional properties, so additive changes keep version 1 valid', () => {
    for (const { fileName, content } of generateJsonSchemaFiles()) {
      expect({ fileName, closed: content.includes('"additionalProperties": false') }).toEqual({
        fileName,
        closed: false,
      });
    }
  });
});
