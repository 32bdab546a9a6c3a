import BetterSqlite3 from 'better-sqlite3';
import { startCatchUpSubscription } from '../catch-up-subscription';
import { ProposedEvent, RecordedEvent, StoredEventText } from '../envelope';
import { StoreClosedError } from '../errors';
import {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { checkExpectedRevision, planAppend } from '../idempotency';
import { GENESIS_HASH, sealEventTexts } from '../integrity';
import { Upcasters } from '../upcasters';
import { validateAppend } from '../validate-append';
import { EventRow, toRecordedEvent, toStoredEventText } from './event-row';
import { prepareFindEventById } from './find-event-by-id.sql';
import { prepareHeadPosition } from './head-position.sql';
import { AppendOutcome, GroupCommitQueue, PendingAppend } from './group-commit';
import { prepareInsertEvent } from './insert-event.sql';
import { prepareReadAll } from './read-all.sql';
import { prepareReadStreamBackwards } from './read-stream-backwards.sql';
import { prepareReadStreamForwards } from './read-stream-forwards.sql';
import { onlineBackup, type OnlineBackupOptions } from './online-backup';
import { migrate } from './schema.sql';
import { applyPragmas, SqliteEventStoreOptions } from './sqlite-options';
import { prepareStreamHead } from './stream-head.sql';

const MAX_REVISION = 2n ** 63n - 1n;

/** The next free `$all` position within one batch transaction. */
interface PositionCursor {
  next: bigint;
}

/** SQLite reads a negative LIMIT as "no limit"; refuse it rather than read everything. */
function checkedCount(maxCount: number): number {
  if (!Number.isInteger(maxCount) || maxCount < 0)
    throw new RangeError(`maxCount must be a whole number ≥ 0, got ${maxCount}`);
  return maxCount;
}

/** Opens (creating if needed) the embedded event store on a SQLite file. */
export function openSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const db = new BetterSqlite3(options.filename);
  let scans: BetterSqlite3.Database | undefined;
  try {
    applyPragmas(db, options);
    migrate(db);
    scans = openScanConnection(db, options);
    return new SqliteEventStore(db, scans, options);
  } catch (error) {
    if (scans !== db) scans?.close();
    db.close();
    throw error;
  }
}

/** The scan connection's page cache (negative: KiB): a page of events and the B-tree above it, several times over. */
const SCAN_CACHE_KIB = -2048;

/**
 * Reading `$all` in order (subscriptions catching up, rebuilds, the relay,
 * exports, verification) touches every page of the log once. On the writer's
 * connection those pages would push out of its 32 MiB cache the index pages
 * each append looks up, and fill it for good (resident memory); a read-only
 * connection of its own, with a small cache, keeps them apart. WAL lets it
 * read while the writer writes, and each read sees every committed append.
 * An in-memory store has one connection only, so it scans on that.
 */
function openScanConnection(writer: BetterSqlite3.Database, options: SqliteEventStoreOptions): BetterSqlite3.Database {
  if (writer.memory) return writer;
  const scans = new BetterSqlite3(options.filename, { readonly: true, fileMustExist: true });
  try {
    scans.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    scans.pragma(`cache_size = ${SCAN_CACHE_KIB}`);
    return scans;
  } catch (error) {
    scans.close();
    throw error;
  }
}

/**
 * The embedded adapter: one better-sqlite3 connection that writes (WAL,
 * group commit) and one that reads `$all` in order (see openScanConnection).
 * Each append runs in its own SAVEPOINT inside the batch transaction, so it
 * keeps its own expected-revision check and all-or-nothing outcome while the
 * batch shares one commit and one fsync.
 */
export class SqliteEventStore implements EventStore {
  private closed = false;
  private readonly stats = { batches: 0, appends: 0 };
  private readonly upcasters: Upcasters;
  private readonly commitListeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly backups = new Set<Promise<unknown>>();
  private readonly queue: GroupCommitQueue;
  private readonly sql;

  constructor(
    private readonly db: BetterSqlite3.Database,
    /** Where `$all` is read in order: a read-only connection of its own, or `db` when in memory. */
    private readonly scans: BetterSqlite3.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new Upcasters();
    this.sql = {
      findEventById: prepareFindEventById(db),
      streamHead: prepareStreamHead(db),
      insertEvent: prepareInsertEvent(db),
      readStreamForwards: prepareReadStreamForwards(db),
      readStreamBackwards: prepareReadStreamBackwards(db),
      readAll: prepareReadAll(scans),
      headPosition: prepareHeadPosition(db),
    };
    // A nested better-sqlite3 transaction is a SAVEPOINT: if one append
    // throws, only its own writes are rolled back and the batch goes on.
    const appendInSavepoint = db.transaction((append: PendingAppend, positions: PositionCursor) =>
      this.write(append, positions),
    );
    const appendBatch = db.transaction((batch: readonly PendingAppend[]) => {
      // Read once: inside this IMMEDIATE transaction no other connection appends.
      const positions: PositionCursor = { next: (this.sql.headPosition() ?? -1n) + 1n };
      return batch.map((append): AppendOutcome => {
        try {
          // An append of one event needs no SAVEPOINT (two statements
          // fewer): `write` checks everything before its only INSERT, and
          // a failing statement undoes itself.
          const result =
            append.events.length === 1 ? this.write(append, positions) : appendInSavepoint(append, positions);
          return { ok: true, result };
        } catch (error) {
          // SQLite rolled the whole transaction back (an I/O error, a full
          // disk): nothing of the batch is stored, so every append fails.
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      });
    });
    this.queue = new GroupCommitQueue(
      (batch) => appendBatch.immediate(batch),
      (outcomes, batch, seconds) => {
        this.stats.batches += 1;
        this.stats.appends += outcomes.length;
        if (options.onCommit) {
          let committedAppends = 0;
          let committedEvents = 0;
          outcomes.forEach((outcome, i) => {
            if (!outcome.ok) return;
            committedAppends += 1;
            committedEvents += batch[i]!.events.length;
          });
          options.onCommit({ appends: outcomes.length, committedAppends, committedEvents, seconds });
        }
        if (outcomes.some((outcome) => outcome.ok)) this.commitListeners.forEach((listener) => listener());
      },
    );
  }

  /**
   * How many batch transactions have run (or failed) and how many appends they carried;
   * appends / batches is the average group-commit batch size.
   */
  get commitStats(): { readonly batches: number; readonly appends: number } {
    return { ...this.stats };
  }

  /** The durability settings in force on this connection, as SQLite reports them. */
  get settings(): {
    readonly journalMode: string;
    readonly synchronous: string;
    readonly busyTimeoutMs: number;
    readonly sqliteVersion: string;
  } {
    const levels = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: levels[Number(this.db.pragma('synchronous', { simple: true }))] ?? 'unknown',
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
      sqliteVersion: String(this.db.prepare('SELECT sqlite_version()').pluck().get()),
    };
  }

  async append(streamId: string, events: readonly ProposedEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new StoreClosedError('append');
    validateAppend(streamId, events, options.expectedRevision);
    return this.queue.enqueue({ streamId, events, expectedRevision: options.expectedRevision });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (this.closed) throw new StoreClosedError('read a stream');
    const limit = options.maxCount === undefined ? -1 : checkedCount(options.maxCount);
    const rows =
      options.direction === 'backwards'
        ? this.sql.readStreamBackwards(streamId, options.fromRevision ?? MAX_REVISION, limit)
        : this.sql.readStreamForwards(streamId, options.fromRevision ?? 0n, limit);
    return this.toEvents(rows, options.raw);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    if (this.closed) throw new StoreClosedError('read $all');
    return this.toEvents(this.sql.readAll(options.fromPosition ?? 0n, checkedCount(options.maxCount)), options.raw);
  }

  async readAllText(options: Omit<ReadAllOptions, 'raw'>): Promise<StoredEventText[]> {
    if (this.closed) throw new StoreClosedError('read $all');
    return this.sql.readAll(options.fromPosition ?? 0n, checkedCount(options.maxCount)).map(toStoredEventText);
  }

  /**
   * An online, consistent copy of the store in `destination` (a new file),
   * taken on this connection while appends go on: every append committed
   * before the call is in it, and each append is in it whole or not at all.
   */
  async backup(destination: string, options: OnlineBackupOptions = {}): Promise<{ readonly totalPages: number }> {
    if (this.closed) throw new StoreClosedError('back up');
    const running = onlineBackup(this.db, destination, options);
    this.backups.add(running);
    try {
      return await running;
    } finally {
      this.backups.delete(running);
    }
  }

  async readHeadPosition(): Promise<bigint | null> {
    if (this.closed) throw new StoreClosedError('read $all');
    return this.sql.headPosition();
  }

  /** From the head alone: positions are numbered from 0 without gaps (a refused append takes none). */
  async countAll({ fromPosition = 0n }: { readonly fromPosition?: bigint } = {}): Promise<number> {
    if (this.closed) throw new StoreClosedError('read $all');
    const head = this.sql.headPosition();
    const from = fromPosition < 0n ? 0n : fromPosition;
    return head === null || head < from ? 0 : Number(head - from + 1n);
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    if (this.closed) throw new StoreClosedError('subscribe');
    const source = {
      readAll: (read: ReadAllOptions) => this.readAll(read),
      onCommit: (listener: () => void) => {
        this.commitListeners.add(listener);
        return () => this.commitListeners.delete(listener);
      },
    };
    const inner = startCatchUpSubscription(source, options, handler, {
      batchSize: this.options.subscriptionBatchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 50,
    });
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drained();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await Promise.allSettled([...this.backups]);
    if (this.scans !== this.db) this.scans.close();
    this.db.close();
  }

  /**
   * Runs inside the batch transaction. Every check comes before the first
   * INSERT, so a refusal leaves nothing behind; a failing INSERT undoes
   * itself, and for more than one event the append's SAVEPOINT undoes the
   * ones before it.
   */
  private write({ streamId, events, expectedRevision }: PendingAppend, positions: PositionCursor): AppendResult {
    const plan = planAppend(
      streamId,
      expectedRevision,
      events.map((event) => this.sql.findEventById(event.id)),
    );
    if (plan.kind === 'replay') return plan.result;
    const head = this.sql.streamHead(streamId);
    checkExpectedRevision(streamId, expectedRevision, head?.revision);
    const sealed = sealEventTexts(head?.hash ?? GENESIS_HASH, streamId, head ? head.revision + 1n : 0n, events);
    let position = positions.next;
    for (const event of sealed) this.sql.insertEvent(event, position++);
    // Only once every INSERT has succeeded: a refused append takes no positions.
    positions.next = position;
    return { nextExpectedRevision: sealed[sealed.length - 1]!.revision, position: position - 1n };
  }

  private toEvents(rows: readonly EventRow[], raw = false): RecordedEvent[] {
    const events = rows.map(toRecordedEvent);
    return raw ? events : events.map((event) => this.upcasters.apply(event));
  }
}
