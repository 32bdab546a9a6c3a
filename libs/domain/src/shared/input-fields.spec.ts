import fc from 'fast-check';
import {
  ID_MAX_LENGTH,
  IdInput,
  NAME_MAX_LENGTH,
  NameInput,
  NotesInput,
  TEXT_MAX_LENGTH,
  TextInput,
} from './input-fields';

const ID_FIRST = [...'ABCXYZabcxyz0189'];
const ID_REST = [...ID_FIRST, '.', '_', ':', '@', '-'];
/** Characters an id may not hold anywhere: separators of paths, queries, headers, and anything beyond ASCII. */
const NEVER_IN_ID = [...' /\\?#%&=+,;"\'<>`|{}[]()!$*~^\t\n\r\u0000', 'é', '中', '\u200b'];

/** A valid id of exactly `length` characters. */
const idOfLength = (length: number) =>
  fc
    .tuple(
      fc.constantFrom(...ID_FIRST),
      fc.string({ unit: fc.constantFrom(...ID_REST), minLength: length - 1, maxLength: length - 1 }),
    )
    .map(([first, rest]) => first + rest);

describe('IdInput', () => {
  it('accepts the ids the walkthrough, the seed and the tests use', () => {
    for (const id of ['app-2026-0001', 'L-app-2026-0001', 'no-57-2025', '91330200MA2AB3CD4E', 'li.wei', 'shp-1', '1'])
      expect(IdInput.safeParse(id).success).toBe(true);
    expect(IdInput.safeParse('3f1c8a0e-5b7d-5c9e-9a41-0c2d6e8f1b23').success).toBe(true);
  });

  it('accepts every id of 1 to 128 allowed characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: ID_MAX_LENGTH }).chain(idOfLength), (id) => IdInput.safeParse(id).success),
    );
  });

  it('refuses one character more than 128, whatever the characters', () => {
    fc.assert(
      fc.property(idOfLength(ID_MAX_LENGTH + 1), (id) => {
        const result = IdInput.safeParse(id);
        return !result.success && result.error.issues.some((issue) => issue.code === 'too_big');
      }),
    );
  });

  it('refuses a forbidden character at any position, and a separator first', () => {
    fc.assert(
      fc.property(idOfLength(ID_MAX_LENGTH - 1), fc.constantFrom(...NEVER_IN_ID), fc.nat(), (id, bad, at) => {
        const position = at % (id.length + 1);
        return !IdInput.safeParse(id.slice(0, position) + bad + id.slice(position)).success;
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('.', '_', ':', '@', '-'), idOfLength(5), (first, rest) => {
        return !IdInput.safeParse(first + rest).success;
      }),
    );
    expect(IdInput.safeParse('').success).toBe(false);
  });
});

describe.each([
  ['NameInput', NameInput, NAME_MAX_LENGTH],
  ['TextInput', TextInput, TEXT_MAX_LENGTH],
])('%s', (_name, schema, max) => {
  it(`accepts any text of 1 to ${max} characters, in any script`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: max }), (text) => {
        // A grapheme may be several UTF-16 code units: only what fits counts.
        fc.pre(text.length <= max);
        return schema.safeParse(text).success;
      }),
    );
    expect(schema.safeParse('x'.repeat(max)).success).toBe(true);
  });

  it(`refuses the empty string and anything longer than ${max}`, () => {
    expect(schema.safeParse('').success).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: max + 1, maxLength: max + 50 }), (text) => !schema.safeParse(text).success),
    );
  });
});

describe('NotesInput', () => {
  it('may be empty, and is bounded like other text', () => {
    expect(NotesInput.safeParse('').success).toBe(true);
    expect(NotesInput.safeParse('n'.repeat(TEXT_MAX_LENGTH)).success).toBe(true);
    expect(NotesInput.safeParse('n'.repeat(TEXT_MAX_LENGTH + 1)).success).toBe(false);
  });
});
