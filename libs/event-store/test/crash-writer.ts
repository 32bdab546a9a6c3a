/**
 * Child process of crash.int.spec.ts: appends multi-event batches from many
 * concurrent writers until it is killed, printing one JSON line per
 * acknowledged append. Usage: crash-writer.ts <sqlite file> <writers>
 */
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore, WrongExpectedRevisionError } from '../src';
import { fixedMetadata } from '../src/testing/fixtures';

const [filename, writersArg] = process.argv.slice(2);
if (!filename) throw new Error('usage: crash-writer.ts <sqlite file> <writers>');
const store = openSqliteEventStore({ filename });
const writers = Number(writersArg ?? 16);

async function writer(w: number): Promise<never> {
  // Half the writers share streams with exact revisions (and so conflict);
  // the others use 'any' on streams of their own.
  const shared = w % 2 === 0;
  const streamId = shared ? `crash-shared${w % 3}` : `crash-own${w}`;
  for (let n = 0; ; n++) {
    const size = 1 + ((w + n) % 4);
    const batch = randomUUID();
    const events = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      type: 'CrashTested',
      version: 1,
      data: { batch, index, size, writer: w },
      metadata: fixedMetadata(),
    }));
    try {
      const expectedRevision = shared ? await headOf(streamId) : 'any';
      const result = await store.append(streamId, events, { expectedRevision });
      const from = result.nextExpectedRevision - BigInt(size) + 1n;
      process.stdout.write(
        `${JSON.stringify({ streamId, from: String(from), to: String(result.nextExpectedRevision), ids: events.map((e) => e.id) })}\n`,
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}

async function headOf(streamId: string) {
  const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  return last ? last.revision : ('no_stream' as const);
}

process.stdout.write('READY\n');
Promise.all(Array.from({ length: writers }, (_, w) => writer(w))).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
