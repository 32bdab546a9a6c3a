import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { VerifiableLog, writeExport, type SignedTreeHead } from '@licensing/audit';
import { IdInput, Instant } from '@licensing/domain';
import type { EventStore } from '@licensing/event-store';
import { ActorGuard, Authorize, CLOCK, type Clock, InvalidRequest, NotFound, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { z } from 'zod';
import { EVENT_STORE } from '../infrastructure/tokens';
import { NdjsonResponse } from './ndjson-response';

const TreeSize = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ExportQuery = z
  .strictObject({
    streamPrefix: IdInput.optional().describe('Only streams whose id starts with this, e.g. `application-`.'),
    recordedFrom: Instant.optional().describe('Only events recorded at or after this instant (UTC).'),
    recordedTo: Instant.optional().describe('Only events recorded before this instant (UTC).'),
    treeSize: TreeSize.optional().describe('Export at the head signed at this size; default the current head.'),
    sinceTreeSize: TreeSize.optional().describe(
      'A smaller size whose head the auditor holds: the export carries the consistency proof from it.',
    ),
  })
  .superRefine((query, context) => {
    if (query.recordedFrom && query.recordedTo && Date.parse(query.recordedTo) < Date.parse(query.recordedFrom))
      context.addIssue({ code: 'custom', path: ['recordedTo'], message: 'must not be before recordedFrom' });
  });

/**
 * The auditor's export (docs/audit-log.md, `licensing-audit-export/v1`):
 * NDJSON streamed straight from the store, made at a signed tree head, for
 * the offline verifier (`npm run cli -- audit verify`).
 */
@Controller('audit')
@UseGuards(ActorGuard)
export class AuditExportController {
  constructor(
    @Inject(VerifiableLog) private readonly log: VerifiableLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @Authorize('ExportLog')
  async export(@Query(new ZodBody(ExportQuery)) query: z.infer<typeof ExportQuery>, @Res() response: Response) {
    const treeHead = await this.headFor(query.treeSize);
    if (query.sinceTreeSize !== undefined && query.sinceTreeSize > treeHead.treeSize)
      throw new InvalidRequest(
        'audit.bad_tree_sizes',
        `sinceTreeSize (${query.sinceTreeSize}) is larger than the export's tree size (${treeHead.treeSize}).`,
      );
    const { streamPrefix, recordedFrom, recordedTo, sinceTreeSize } = query;
    const filter = { streamPrefix, recordedFrom, recordedTo };
    const out = new NdjsonResponse(response);
    try {
      await writeExport(
        this.store,
        this.log.tree,
        { treeHead, filter: dropUndefined(filter), sinceTreeSize, exportedAt: this.clock.now() },
        (line) => out.writeText(line),
      );
      out.end();
    } catch (error) {
      out.fail(error);
    }
  }

  private async headFor(treeSize: number | undefined): Promise<SignedTreeHead> {
    const head = treeSize === undefined ? await this.log.currentTreeHead() : this.log.tree.treeHeadOfSize(treeSize);
    if (!head)
      throw new NotFound(
        'audit.no_tree_head',
        treeSize === undefined
          ? 'The log is empty: there is nothing to export yet.'
          : `No tree head was signed at size ${treeSize}; GET /audit/tree-heads lists them.`,
      );
    return head;
  }
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
