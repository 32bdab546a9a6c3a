import { openSqliteEventStore } from '@licensing/event-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** An event no command would write, appended straight to the running service's store (README, "Ops: parked events"). */
export async function appendPoisonEvent(dataDir: string): Promise<void> {
  const store = openSqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  const at = new Date().toISOString();
  const metadata = {
    actor: 'spec',
    role: 'system',
    commandId: 'spec',
    correlationId: 'spec',
    causationId: 'spec',
    occurredAt: at,
    recordedAt: at,
  };
  try {
    await store.append(
      'application-poison-1',
      [{ id: randomUUID(), type: 'ApplicationSubmitted', version: 1, data: { garbled: true }, metadata }],
      { expectedRevision: 'no_stream' },
    );
  } finally {
    await store.close();
  }
}
