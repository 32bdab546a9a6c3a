import { openSqliteEventStore } from '@licensing/event-store';
import { proposed } from '@licensing/event-store/testing';
import { ExportEvent, exportedEventLine } from './export-format';

const LEAF_HASH = 'ab'.repeat(32);
const AUDIT_PATH = ['cd'.repeat(32), 'ef'.repeat(32)];

/** One event as the store gives it, both parsed (raw) and as its stored text. */
async function storedTwice() {
  const store = openSqliteEventStore({ filename: ':memory:' });
  try {
    // Integer-like keys: JavaScript orders them first when parsing, the stored canonical text by code unit.
    const data = { '10': 'ten', '9': 'nine', nested: { b: [1.5, null, 'ü'], a: true } };
    await store.append('application-app-7', [proposed('ApplicationSubmitted', data)], {
      expectedRevision: 'no_stream',
    });
    const [parsed] = await store.readAll({ maxCount: 1, raw: true });
    const [text] = await store.readAllText({ maxCount: 1 });
    return { parsed: parsed!, text: text! };
  } finally {
    await store.close();
  }
}

describe('an exported event line', () => {
  it.each([
    ['a complete export', undefined],
    ['a filtered export, with its audit path', AUDIT_PATH],
  ])('reads back as the same envelope from the stored text as from the parsed event (%s)', async (_, auditPath) => {
    const { parsed, text } = await storedTwice();
    const fromText = exportedEventLine(3, LEAF_HASH, text, auditPath);
    const fromParsed = exportedEventLine(3, LEAF_HASH, parsed, auditPath);

    expect(JSON.parse(fromText)).toEqual(JSON.parse(fromParsed));
    expect(ExportEvent.parse(JSON.parse(fromText))).toMatchObject({ leafIndex: 3, leafHash: LEAF_HASH });
    // The stored bytes as they are: the line carries the canonical text the chain hash covers.
    expect(fromText).toContain(`"data":${text.dataJson},"metadata":${text.metadataJson},`);
    expect(fromText).not.toContain('\n');
  });

  it('is one line even when an altered row holds a line break between its tokens', async () => {
    const { parsed, text } = await storedTwice();
    const altered = { ...text, dataJson: text.dataJson.replace('{', '{\n') };
    const line = exportedEventLine(3, LEAF_HASH, altered);

    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toEqual(JSON.parse(exportedEventLine(3, LEAF_HASH, parsed)));
  });
});
