import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { type Actor, type LegalDate, rowScopeFor } from '@licensing/domain';
import {
  type ApplicationQueue,
  DocumentStore,
  type LicenseQueue,
  QUEUE_ORDER,
  type QueueOptions,
  WorkQueues,
} from '@licensing/projections';
import {
  ActorGuard,
  Authorize,
  CurrentActor,
  NotFound,
  PUBLIC_HOLIDAYS,
  type PublicHolidays,
  ZodBody,
} from '@licensing/workflow';
import { pageRequest } from '../queries/list-query';
import { ReadConsistency } from '../queries/read-query';
import { WORK_QUEUES, type WorkQueueName, workQueue } from './work-queue-query';

/** A queue's query, parsed: where it is read from and how far ahead it looks. */
interface QueueRead {
  readonly options: QueueOptions;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * GET /work-queues/{queue}: an officer's or reviewer's queue, a page at a
 * time. Each queue is its own row of the permissions table (the guard picks
 * it from the path), whose data scope cuts the queue: a reviewer's queues
 * are their assignments.
 */
@Controller('work-queues')
@UseGuards(ActorGuard)
export class WorkQueuesController {
  private readonly queues: WorkQueues;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
    @Inject(PUBLIC_HOLIDAYS) private readonly holidays: PublicHolidays,
  ) {
    this.queues = new WorkQueues(documents);
  }

  @Get(':queue')
  // An unknown queue names no operation: the guard only authenticates, and the handler answers 404.
  @Authorize((request) => {
    const queue = workQueue(String(request.params['queue']));
    return queue === undefined ? undefined : WORK_QUEUES[queue].operation;
  })
  async queue(@Param('queue') name: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const queue = workQueue(name);
    if (queue === undefined) {
      throw new NotFound(
        'work_queue.not_found',
        `No work queue ${name}; the queues are ${Object.keys(WORK_QUEUES).join(', ')}.`,
      );
    }
    const read = await this.parse(queue, query, actor);
    return WORK_QUEUES[queue].kind === 'application'
      ? this.applications(queue as ApplicationQueue, read)
      : this.licenses(queue as LicenseQueue, read);
  }

  applications(queue: ApplicationQueue, { options, limit, cursor }: QueueRead) {
    const after = pageRequest({ sort: QUEUE_ORDER[queue], limit, cursor }).after;
    const page = this.queues.applicationQueue(queue, options, limit, after);
    return { queue, asOf: options.asOf, items: page.items, nextCursor: page.nextCursor };
  }

  licenses(queue: LicenseQueue, { options, limit, cursor }: QueueRead) {
    const after = pageRequest({ sort: QUEUE_ORDER[queue], limit, cursor }).after;
    const page = this.queues.licenseQueue(queue, options, limit, after);
    return { queue, asOf: options.asOf, items: page.items, nextCursor: page.nextCursor };
  }

  private async parse(queue: WorkQueueName, raw: unknown, actor: Actor): Promise<QueueRead> {
    const { operation, query } = WORK_QUEUES[queue];
    const parsed = new ZodBody(query).transform(raw);
    const asOf: LegalDate = await this.consistency.asOf(parsed);
    return {
      options: {
        asOf,
        scope: rowScopeFor(operation, actor),
        // Each queue reads the one window it takes; the others' defaults do not matter to it.
        days: parsed.withinWorkingDays ?? parsed.withinDays ?? 0,
        thresholdPercent: parsed.thresholdPercent ?? 0,
        holidays: this.holidays,
      },
      limit: parsed.limit,
      ...(parsed.cursor === undefined ? {} : { cursor: parsed.cursor }),
    };
  }
}
