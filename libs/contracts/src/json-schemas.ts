import { z } from 'zod';
import { Envelope } from './envelope';
import { contractMessageTypes, contractSchemas } from './integration-event';

/** Where the checked-in JSON Schema files live, relative to the repository root. */
export const JSON_SCHEMA_DIR = 'libs/contracts/json-schema';
export const GENERATE_JSON_SCHEMAS_COMMAND =
  'node -r ts-node/register/transpile-only -r tsconfig-paths/register libs/contracts/scripts/generate-json-schemas.ts';

export interface JsonSchemaFile {
  readonly fileName: string;
  readonly content: string;
}

/**
 * zod objects strip unknown keys, which zod renders as
 * `additionalProperties: false`. Our versioning policy adds optional fields
 * without a new version, so a validator built from these files must accept
 * fields it does not know yet.
 */
function allowAdditiveFields(ctx: { jsonSchema: { additionalProperties?: unknown } }): void {
  if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
}

function file(name: string, schema: z.ZodType): JsonSchemaFile {
  // `output`: consumers read what we produced, after defaults and transforms.
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', override: allowAdditiveFields });
  const titled = { title: `${name} v1`, ...json };
  return { fileName: `${name}.v1.schema.json`, content: `${JSON.stringify(titled, null, 2)}\n` };
}

/** The JSON Schema of every message type and of the bare envelope, as they must be checked in. */
export function generateJsonSchemaFiles(): JsonSchemaFile[] {
  return [file('envelope', Envelope), ...contractMessageTypes.map((type) => file(type, contractSchemas[type]))].sort(
    (a, b) => a.fileName.localeCompare(b.fileName),
  );
}
