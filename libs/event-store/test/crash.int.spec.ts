import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  openSqliteEventStore,
  RecordedEvent,
  SqliteEventStore,
  verifyStreamIntegrity,
  WrongExpectedRevisionError,
} from '../src';
import { eventually, proposed, proposedMany, readEverything, settle } from '../src/testing';
import { tempDir } from './temp-db';

const root = join(__dirname, '../../..');

interface Ack {
  streamId: string;
  from: string;
  to: string;
  ids: string[];
}

function startWriter(filename: string, acks: Ack[]): { child: ChildProcess; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'crash-writer.ts'),
      filename,
      '16',
    ],
    {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith('{')) acks.push(JSON.parse(line) as Ack);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code ? reject(new Error(`writer exited ${code}: ${stderr}`)) : resolve(signal),
    );
  });
  return { child, exited };
}

describe('SQLite event store under a crash', () => {
  let dir: ReturnType<typeof tempDir>;
  const stores: SqliteEventStore[] = [];
  let child: ChildProcess | undefined;
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(stores.splice(0).map((store) => store.close()));
    dir.remove();
  });

  it('keeps every acknowledged append whole after SIGKILL, never half a batch, with intact chains', async () => {
    const watcher = openSqliteEventStore({ filename: dir.path(), pollIntervalMs: 20 });
    stores.push(watcher);
    const seenLive: RecordedEvent[] = [];
    const subscription = watcher.subscribeToAll({ fromPosition: 'start' }, (e) => void seenLive.push(e));

    const acks: Ack[] = [];
    const writer = startWriter(dir.path(), acks);
    child = writer.child;
    await eventually(() => expect(acks.length).toBeGreaterThanOrEqual(300), 20_000);
    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');
    await subscription.stop();
    await watcher.close();

    const store = openSqliteEventStore({ filename: dir.path() });
    stores.push(store);
    for (const ack of acks) {
      const stored = await store.readStream(ack.streamId, { fromRevision: BigInt(ack.from), maxCount: ack.ids.length });
      expect(stored.map((e) => e.id)).toEqual(ack.ids);
      expect(String(stored[stored.length - 1]!.revision)).toBe(ack.to);
    }

    const all = await readEverything(store, 1000);
    expect(all.length).toBeGreaterThanOrEqual(acks.reduce((n, ack) => n + ack.ids.length, 0));
    const batches = new Map<string, RecordedEvent[]>();
    for (const event of all) {
      const { batch } = event.data as { batch: string };
      batches.set(batch, [...(batches.get(batch) ?? []), event]);
    }
    for (const events of batches.values()) {
      const { size } = events[0]!.data as { size: number };
      expect(events.map((e) => (e.data as { index: number }).index)).toEqual(Array.from({ length: size }, (_, i) => i));
      expect(new Set(events.map((e) => e.streamId)).size).toBe(1);
      expect(events[size - 1]!.revision - events[0]!.revision).toBe(BigInt(size - 1));
    }
    for (const streamId of new Set(all.map((e) => e.streamId))) {
      expect(verifyStreamIntegrity(await store.readStream(streamId, { raw: true }))).toMatchObject({ valid: true });
    }
    // Another process's commits reached this process's subscription, in order.
    expect(seenLive.length).toBeGreaterThan(0);
    expect(seenLive.map((e) => e.id)).toEqual(all.slice(0, seenLive.length).map((e) => e.id));
  }, 60_000);

  it('20 appends racing over 4 connections with the same expected revision: exactly one wins', async () => {
    const connections = Array.from({ length: 4 }, () => openSqliteEventStore({ filename: dir.path() }));
    stores.push(...connections);
    await connections[0]!.append('race-1', [proposed()], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        settle(connections[i % 4]!.append('race-1', proposedMany(3), { expectedRevision: 0n })),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    outcomes.filter((o) => !o.ok).forEach((o) => expect(!o.ok && o.error).toBeInstanceOf(WrongExpectedRevisionError));
    const stream = await connections[3]!.readStream('race-1', { raw: true });
    expect(stream.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(verifyStreamIntegrity(stream).valid).toBe(true);
  });
});
