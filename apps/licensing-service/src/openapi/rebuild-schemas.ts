import { Instant } from '@licensing/domain';
import { z } from 'zod';

/*
 * The answers of POST /admin/read-models/rebuild and /ops/rebuilds, as zod
 * schemas of the JSON on the wire; response-schemas.ts registers them with
 * the others.
 */

const Count = z.int().min(0);

export const ReadModelRebuild = z.object({
  name: z.string().describe('The read model.'),
  doneEvents: Count.describe('Events of `$all` its shadow has read so far, whether they concern it or not.'),
  totalEvents: Count.describe(
    'Events of `$all` it has to read: counted in the store, growing with the appends made meanwhile; exact once swapped.',
  ),
  swapped: z.boolean().describe('Its shadow has become the live read model (one transaction).'),
});

export const Rebuild = z
  .object({
    id: z.string().regex(/^\d{1,15}$/),
    readModels: z.array(ReadModelRebuild),
    state: z
      .enum(['running', 'completed', 'failed'])
      .describe('`completed`: every read model swapped; `failed`: the service stopped first (see `error`).'),
    doneEvents: Count.describe('Summed over the read models (each reads the whole log).'),
    totalEvents: Count.describe('Summed over the read models.'),
    eventsPerSecond: z.number().min(0).describe('Events read per second since the start, all read models together.'),
    etaSeconds: z
      .number()
      .min(0)
      .nullable()
      .describe('Seconds left at that rate; null when it is not running or has read nothing yet.'),
    startedAt: Instant,
    finishedAt: Instant.nullable(),
    error: z.string().nullable().describe('Why it failed; null unless failed.'),
  })
  .describe(
    'A rebuild of read models in shadow storage: reads answer from the live ones until each shadow has caught up and is swapped in.',
  );

export const RebuildList = z.object({
  rebuilds: z.array(Rebuild).describe('Running and recent rebuilds (the last 50), newest first.'),
});
