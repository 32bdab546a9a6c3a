import { Controller, Get, Inject, Param, Query, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { DocumentStore, ExporterList, type ExporterSort, ExporterViewQuery } from '@licensing/projections';
import { IdInput, type RowScope, type ScopePredicate } from '@licensing/domain';
import { AnswerInFull, ActorGuard, Authorize, NotFound, ReadRowScope, ReadScope, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { z } from 'zod';
import { dateFilter, pageRequest, Paging, sortParameter } from './list-query';
import { ReadConsistency, ReadQuery } from './read-query';

/** The list shows each exporter as recorded (its standing with the date it took effect): no asOf. */
export const ExporterListQuery = ReadQuery.omit({ asOf: true }).extend({
  exporterId: IdInput.optional().describe('Only this exporter.'),
  standing: z
    .enum(['qualified', 'disqualified', 'not_qualified'])
    .optional()
    .describe('Only exporters whose recorded general-license standing is this.'),
  registeredFrom: dateFilter('Registered on or after this date.'),
  registeredTo: dateFilter('Registered on or before this date.'),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Free text on the name, id and unified social credit code: every word (at most 5) must begin a word of one of them.',
    ),
  sort: sortParameter(['id', 'name', 'registeredOn']),
  ...Paging,
});

/** The exporters: a page of them, or one with its profile, general-license standing and every case on a date. */
@Controller('exporters')
@UseGuards(ActorGuard)
// Their ETag is a stream revision for If-Match, not a validator of the whole answer: never a 304.
@UseInterceptors(AnswerInFull)
export class ExporterViewController {
  private readonly exporters: ExporterViewQuery;
  private readonly list: ExporterList;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.exporters = new ExporterViewQuery(documents);
    this.list = new ExporterList(documents);
  }

  @Get()
  @Authorize('ListExporters')
  async exporterList(
    @Query(new ZodBody(ExporterListQuery)) query: z.infer<typeof ExporterListQuery>,
    @ReadRowScope() scope: RowScope,
  ) {
    await this.consistency.asOf(query);
    const { exporterId, standing, registeredFrom, registeredTo, q } = query;
    const page = this.list.page(
      { scope, exporterId, standing, registeredFrom, registeredTo, text: q },
      pageRequest<ExporterSort>(query),
    );
    return { exporters: page.items, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Authorize('GetExporter')
  async exporter(
    @Param('id') id: string,
    @Query(new ZodBody(ReadQuery)) query: ReadQuery,
    @ReadScope() scope: ScopePredicate,
    @Res({ passthrough: true }) response: Response,
  ) {
    // Out of the reader's scope (another exporter's) it is null: the same 404 as an unknown exporter.
    const view = this.exporters.get(id, await this.consistency.asOf(query), scope);
    if (!view) throw new NotFound('exporter.not_found', `Nothing is recorded about exporter ${id}.`);
    if (view.revision !== null) response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
