import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Reply } from '@licensing/service-testing';

type Schema = Record<string, unknown>;
interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, { readonly schema: Schema }>;
  readonly headers?: Record<string, { readonly schema: Schema }>;
}
/** The parts of an OpenAPI 3.1 document this reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly responses: Record<string, Response> }>>;
  readonly components: { readonly schemas: Record<string, Schema>; readonly responses?: Record<string, Response> };
}

const COMPONENTS = 'https://export-licensing.test/components';
/** A streamed answer: one JSON object per line, each an instance of the documented schema. */
const NDJSON = 'application/x-ndjson';
/** Server-Sent Events: the schema is that of one message (its `id`, `event` and `data` parsed). */
const EVENT_STREAM = 'text/event-stream';

/**
 * Holds a real answer of the service to the OpenAPI document it serves: the
 * status must be documented for the operation, the content type must be one
 * documented for that status, the body must validate against its schema
 * (JSON Schema 2020-12, ajv, strict, formats checked; an NDJSON body: each of
 * its lines, as the document describes one line; Server-Sent Events: each
 * message) and every documented
 * header the answer carries must match its schema.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    // The components as one schema of $defs, so `#/components/schemas/X` resolves from any response schema.
    this.ajv.addSchema({ $id: COMPONENTS, $defs: rebased(document.components.schemas) });
  }

  /** What is wrong with `reply` as the answer of `method path` (a path template of the document); empty: it conforms. */
  problems(method: string, path: string, reply: Reply): string[] {
    const at = `${method.toUpperCase()} ${path} ${reply.status}`;
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (operation === undefined) return [`${at}: no such operation in the document`];
    const response = this.resolve(operation.responses[String(reply.status)]);
    if (response === undefined) return [`${at}: status not documented`];
    const found: string[] = [];
    const content = response.content ?? {};
    const type = reply.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    // `*/*`: any media type (a document's bytes), each checked against the one schema.
    const documented = content[type] ?? content['*/*'];
    if (Object.keys(content).length === 0) {
      if (reply.body !== null) found.push(`${at}: a body where none is documented`);
    } else if (documented === undefined) {
      found.push(`${at}: content type ${type || '(none)'}, documented: ${Object.keys(content).join(', ')}`);
    } else if (type === NDJSON || type === EVENT_STREAM) {
      // The schema is that of one line (message); the client hands the body over as the array of them.
      if (!Array.isArray(reply.body) || reply.body.length === 0) found.push(`${at}: no ${type} lines or messages`);
      else
        reply.body.forEach((line: unknown, index: number) =>
          found.push(...this.check(documented.schema, line).map((e) => `${at} line ${index + 1}${e}`)),
        );
    } else {
      found.push(...this.check(documented.schema, reply.body).map((e) => `${at} body${e}`));
    }
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = reply.headers.get(name);
      if (value === null) continue;
      const typed = header.schema['type'] === 'integer' ? Number(value) : value;
      found.push(...this.check(header.schema, typed).map((e) => `${at} header ${name}${e}`));
    }
    return found;
  }

  /** Validation errors of `value` against a schema of the document (`#/components/schemas/...` references allowed). */
  check(schema: Schema, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(rebased(schema));
      this.validators.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
    );
  }

  private resolve(response: Response | undefined): Response | undefined {
    if (response?.$ref === undefined) return response;
    return this.document.components.responses?.[response.$ref.replace('#/components/responses/', '')];
  }
}

/** A schema of the document with its `#/components/schemas/X` references pointing into the components schema. */
function rebased(schema: unknown): Schema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/$defs/`)) as Schema;
}
