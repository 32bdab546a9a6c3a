import {
  loadTreeHeadKeys,
  MerkleLogStore,
  VerifiableLog,
  writeExport,
  type ExportFilter,
  type SignedTreeHead,
  type TreeHeadKeys,
} from '@licensing/audit';
import { TAMPER_KINDS, tamper, type Tampering } from '@licensing/audit/testing';
import { openSqliteEventStore } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { randomUUID } from 'node:crypto';
import { copyFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

export { TAMPER_KINDS };

const clock = () => '2026-11-30T08:00:00.000Z';

/** A service's data dir in `dir`: a SQLite event store, its audit log and key, a head signed halfway and one at the end. */
export interface LoggedHistory {
  readonly dir: string;
  readonly keys: TreeHeadKeys;
  /** The public key as `audit public-key` saves it. */
  readonly publicKeyFile: string;
  /** The head signed halfway, as `audit tree-head` saves it. */
  readonly olderHeadFile: string;
  readonly olderHead: SignedTreeHead;
  readonly head: SignedTreeHead;
}

export async function loggedHistory(dir: string, streams = 5, perStream = 6): Promise<LoggedHistory> {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const keys = loadTreeHeadKeys({ defaultFile: join(dir, 'tree-head-key.pem') });
  const log = new VerifiableLog(store, tree, keys, { now: clock, signEveryMs: 0 });
  await log.start();
  let olderHead: SignedTreeHead | null = null;
  for (let round = 0; round < perStream; round++) {
    if (round === Math.floor(perStream / 2)) olderHead = await log.signNow();
    for (let s = 0; s < streams; s++) {
      const event = {
        id: randomUUID(),
        type: 'Happened',
        version: 1,
        data: { stream: s, round, amount: round * 1.5 },
        metadata: fixedMetadata({ recordedAt: new Date(Date.UTC(2026, 0, 1 + round, 0, s)).toISOString() }),
      };
      await store.append(`case-${s}`, [event], { expectedRevision: round === 0 ? 'no_stream' : BigInt(round - 1) });
    }
  }
  const head = await log.signNow();
  await log.stop();
  await store.close();
  tree.close();
  const publicKeyFile = join(dir, 'public-key.pem');
  writeFileSync(publicKeyFile, keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const olderHeadFile = join(dir, 'older-head.json');
  if (!olderHead) throw new Error('loggedHistory: perStream must be at least 1');
  writeFileSync(olderHeadFile, JSON.stringify(olderHead, null, 2));
  return { dir, keys, publicKeyFile, olderHeadFile, olderHead, head };
}

/** Writes the export of the store in `dir` at `head` to `file`, as the service streams it. */
export async function exportTo(
  dir: string,
  head: SignedTreeHead,
  file: string,
  options: { filter?: ExportFilter; sinceTreeSize?: number } = {},
): Promise<string> {
  const store = openSqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const tree = MerkleLogStore.open(join(dir, 'audit-log.sqlite'));
  const out = createWriteStream(file);
  try {
    await writeExport(
      store,
      tree,
      {
        treeHead: head,
        filter: options.filter ?? {},
        exportedAt: clock(),
        ...(options.sinceTreeSize === undefined ? {} : { sinceTreeSize: options.sinceTreeSize }),
      },
      async (line) => {
        if (!out.write(line)) await once(out, 'drain');
      },
    );
  } finally {
    out.end();
    await once(out, 'close');
    await store.close();
    tree.close();
  }
  return file;
}

/** A copy of the history's store and audit log in `copy`, altered one way (seeded, so a failure replays). */
export function tamperedCopy(history: LoggedHistory, copy: string, kind: (typeof TAMPER_KINDS)[number]): Tampering {
  mkdirSync(copy, { recursive: true });
  for (const file of ['events.sqlite', 'audit-log.sqlite']) copyFileSync(join(history.dir, file), join(copy, file));
  let seed = 7;
  return tamper(join(copy, 'events.sqlite'), kind, () => (seed = (seed * 48271) % 2147483647) / 2147483647);
}
