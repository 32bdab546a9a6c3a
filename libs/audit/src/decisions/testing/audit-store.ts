import { rareEarthPolicyHistory } from '@licensing/domain';
import { type EventStore, openSqliteEventStore, type ProposedEvent } from '@licensing/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real SQLite event store in a temporary directory, and a way to alter its rows underneath it. */
export interface AuditStore {
  readonly store: EventStore;
  readonly filename: string;
  /** Rewrites one stored event's data, as someone with the file would: the chain is not resealed. */
  tamper(streamId: string, revision: number, change: (data: any) => unknown): void;
  dispose(): Promise<void>;
}

export function openAuditStore(): AuditStore {
  const dir = mkdtempSync(join(tmpdir(), 'decision-audit-'));
  const filename = join(dir, 'events.sqlite');
  const store = openSqliteEventStore({ filename, synchronous: 'NORMAL' });
  return {
    store,
    filename,
    tamper(streamId, revision, change) {
      const db = new Database(filename);
      try {
        const row = db
          .prepare<[string, number], { data: string }>('SELECT data FROM events WHERE stream_id = ? AND revision = ?')
          .get(streamId, revision);
        if (!row) throw new Error(`no event ${streamId}@${revision} to tamper with`);
        const data = JSON.stringify(change(JSON.parse(row.data)));
        db.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?').run(data, streamId, revision);
      } finally {
        db.close();
      }
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeded rare-earth policy history, appended as the service's seeder does: one append per measure stream. */
export async function appendSeededPolicy(store: EventStore): Promise<string[]> {
  const byStream = new Map<string, ProposedEvent[]>();
  for (const { eventId, streamId, event, metadata } of rareEarthPolicyHistory()) {
    const proposed: ProposedEvent = {
      id: eventId,
      type: event.type,
      version: event.schemaVersion,
      data: event.data,
      metadata: {
        actor: metadata.actor.id,
        role: metadata.actor.role,
        commandId: metadata.commandId,
        correlationId: metadata.commandId,
        causationId: metadata.commandId,
        occurredAt: metadata.occurredAt,
        recordedAt: metadata.recordedAt,
      },
    };
    byStream.set(streamId, [...(byStream.get(streamId) ?? []), proposed]);
  }
  for (const [streamId, events] of byStream) await store.append(streamId, events, { expectedRevision: 'no_stream' });
  return [...new Set(rareEarthPolicyHistory().map((e) => e.measureId))];
}
