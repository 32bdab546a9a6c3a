import { type EventStore, openSqliteEventStore, type ProposedEvent } from '@licensing/event-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { appendApprovedApplication } from './approved-application';
import { appendSeededPolicy } from './audit-store';

/**
 * A log of about `events` realistic events for benchmarks: the seeded
 * policy, then approved applications (each approval carrying its whole
 * decision record) copied from one template built in `workDir`, appended a
 * whole application at a time. Answers how many applications it holds
 * (`bench-0` …).
 */
export async function fillDecisionLog(
  store: EventStore,
  workDir: string,
  events: number,
  say: (line: string) => void = () => undefined,
): Promise<number> {
  await appendSeededPolicy(store);
  const template = openSqliteEventStore({ filename: join(workDir, 'template.sqlite') });
  await appendApprovedApplication(template, 'template');
  const stream = await template.readStream('application-template', { raw: true });
  await template.close();
  const applications = Math.ceil(events / stream.length);
  for (let n = 0; n < applications; n++) {
    const proposed: ProposedEvent[] = stream.map((e) => ({
      id: randomUUID(),
      type: e.type,
      version: e.version,
      data: e.data,
      metadata: e.metadata,
    }));
    await store.append(`application-bench-${n}`, proposed, { expectedRevision: 'no_stream' });
    if (n > 0 && n % 20_000 === 0) say(`filled ${(n * stream.length).toLocaleString('en')} events`);
  }
  return applications;
}
