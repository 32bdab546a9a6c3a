import { ID_MAX_LENGTH, ID_PATTERN, LIST_LIMITS, NAME_MAX_LENGTH, TEXT_MAX_LENGTH } from '@licensing/domain';
import { openApiDocument } from './openapi-document';

type Node = Record<string, unknown>;

/**
 * Every string a client sends must be bounded (a length, a pattern, a
 * format or a fixed set of values) and every array must have a maximum.
 * The document is generated from the schemas that validate requests, so a
 * field added to a command without a limit fails here.
 */
function unbounded(node: unknown, at: string): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => unbounded(child, `${at}.${i}`));
  if (node === null || typeof node !== 'object') return [];
  const schema = node as Node;
  const types = [schema['type']].flat();
  const found: string[] = [];
  if (types.includes('string') && !['maxLength', 'pattern', 'format', 'enum', 'const'].some((k) => k in schema))
    found.push(`${at}: a string without maxLength`);
  if (types.includes('array') && !('maxItems' in schema)) found.push(`${at}: an array without maxItems`);
  return [...found, ...Object.entries(schema).flatMap(([key, child]) => unbounded(child, `${at}.${key}`))];
}

const document = openApiDocument() as { paths: Record<string, Record<string, Node>> };
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);
const bodyOf = (path: string) =>
  (document.paths[path]?.['post']?.['requestBody'] as { content: { 'application/json': { schema: Node } } }).content[
    'application/json'
  ].schema;

describe('the limits in the OpenAPI document', () => {
  it('bounds every string and array of every request body, path and query parameter', () => {
    const found = operations.flatMap(({ name, operation }) => [
      ...unbounded(operation['requestBody'], `${name} body`),
      ...((operation['parameters'] ?? []) as Node[])
        .filter((parameter) => parameter['in'] !== 'header')
        .flatMap((parameter) => unbounded(parameter['schema'], `${name} ${String(parameter['name'])}`)),
    ]);
    expect(found).toEqual([]);
  });

  it('shows the id rule on every path id, and leaves room for the license id in a new application id', () => {
    const pathIds = operations.flatMap(({ operation }) =>
      ((operation['parameters'] ?? []) as Node[]).filter((parameter) => parameter['in'] === 'path'),
    );
    expect(pathIds.length).toBeGreaterThan(20);
    for (const parameter of pathIds)
      expect(parameter['schema']).toMatchObject({ maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN.source });
    expect(bodyOf('/applications')['properties']).toMatchObject({
      applicationId: { maxLength: ID_MAX_LENGTH - 2 },
    });
  });

  it('shows the limits of names, text and lists where a client will look for them', () => {
    expect(bodyOf('/exporters')['properties']).toMatchObject({ name: { maxLength: NAME_MAX_LENGTH } });
    expect(bodyOf('/applications/{id}/reject')['properties']).toMatchObject({
      reasons: { maxItems: LIST_LIMITS.reasons, items: { maxLength: TEXT_MAX_LENGTH } },
    });
    expect(bodyOf('/licenses/{id}/record-shipment')['properties']).toMatchObject({
      lines: { maxItems: LIST_LIMITS.lines },
    });
  });

  it('documents the answers of the edge: 413 and 415 for command bodies, 429 everywhere but health and metrics', () => {
    for (const { name, operation } of operations) {
      const responses = Object.keys(operation['responses'] as Node);
      if (name.includes('/health/') || name === 'GET /metrics')
        expect([name, responses]).not.toEqual([name, expect.arrayContaining(['429'])]);
      else expect([name, responses]).toEqual([name, expect.arrayContaining(['429'])]);
      if (name.startsWith('POST') && operation['requestBody'] !== undefined)
        expect([name, responses]).toEqual([name, expect.arrayContaining(['413', '415'])]);
    }
  });
});
