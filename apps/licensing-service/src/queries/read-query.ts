import { Inject, Injectable } from '@nestjs/common';
import { LegalDate, legalDateAt } from '@licensing/domain';
import { ProjectionRunner } from '@licensing/projections';
import { CLOCK, type Clock, InvalidRequest } from '@licensing/workflow';
import { z } from 'zod';

export const ReadQuery = z.strictObject({
  asOf: LegalDate.optional().describe(
    'The date (China Standard Time) whose effective status is wanted; default today.',
  ),
  /** Read-your-writes across processes. */
  minPosition: z
    .string()
    .regex(/^\d{1,20}$/, 'a decimal $all position (a 64-bit number)')
    .optional()
    .describe(
      "Wait (at most 5 s) until the read models have applied this `$all` position, a command answer's `position`.",
    ),
});
export type ReadQuery = z.infer<typeof ReadQuery>;

const MIN_POSITION_WAIT_MS = 5_000;

/** What every read endpoint does first: settle the date and, if asked, wait for a position. */
@Injectable()
export class ReadConsistency {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
  ) {}

  async asOf(query: ReadQuery): Promise<LegalDate> {
    if (query.minPosition !== undefined) {
      try {
        await this.projections.waitFor(BigInt(query.minPosition), MIN_POSITION_WAIT_MS);
      } catch {
        throw new InvalidRequest(
          'request.position_not_reached',
          `The read models have not reached position ${query.minPosition} within ${MIN_POSITION_WAIT_MS} ms; is it a position this store returned?`,
        );
      }
    }
    return query.asOf ?? legalDateAt(this.clock.now());
  }
}
