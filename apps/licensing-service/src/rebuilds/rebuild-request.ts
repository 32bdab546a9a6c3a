import { DomainError } from '@licensing/domain';
import {
  readModelProjections,
  RebuildAlreadyRunningError,
  type RebuildProgress,
  type Rebuilds,
  UnknownReadModelError,
} from '@licensing/projections';
import { InvalidRequest } from '@licensing/workflow';
import { z } from 'zod';

const READ_MODELS = readModelProjections().map((projection) => projection.name) as [string, ...string[]];

export const RebuildQuery = z.strictObject({
  readModel: z.enum(READ_MODELS).optional().describe('The one read model to rebuild; every read model when absent.'),
});

/** Where a rebuild's progress is read. */
export const rebuildLocation = (id: string) => `/ops/rebuilds/${id}`;

class RebuildInProgress extends DomainError {
  override readonly kind = 'conflict';
}

/** Starts a rebuild, with the runner's refusals as the HTTP kit's errors (400, 409). */
export function startRebuild(rebuilds: Rebuilds, readModel: string | undefined): RebuildProgress {
  try {
    return rebuilds.start(readModel === undefined ? undefined : [readModel]);
  } catch (error) {
    if (error instanceof RebuildAlreadyRunningError)
      throw new RebuildInProgress(
        'admin.rebuild_in_progress',
        `Rebuild ${error.rebuildId} is rebuilding ${error.readModels.join(', ')} now; follow it at ${rebuildLocation(error.rebuildId)} and start another once it has finished.`,
        { rebuildId: error.rebuildId, readModels: [...error.readModels] },
      );
    if (error instanceof UnknownReadModelError)
      throw new InvalidRequest('request.invalid', error.message, { readModel: error.readModel });
    throw error;
  }
}
