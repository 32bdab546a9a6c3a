import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The application layer (runner, handlers, seeding, idempotency records)
// knows nothing of HTTP: the HTTP kit depends on it, never the other way.
const APPLICATION_LAYER = [
  'shared',
  'commands',
  'seed',
  'announcements',
  'idempotency/idempotency.store.ts',
  'idempotency/sqlite-idempotency.store.ts',
];

function sources(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => sources(join(path, entry.name)));
}

describe('workflow layering', () => {
  it('keeps the application layer free of imports from the HTTP kit', () => {
    const offenders = APPLICATION_LAYER.flatMap((part) => sources(join(__dirname, part)))
      .filter((file) => /from '(\.\.?\/)+http\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));
    expect(offenders).toEqual([]);
  });
});
