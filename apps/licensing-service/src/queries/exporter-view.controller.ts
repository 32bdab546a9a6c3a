import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { DocumentStore, ExporterViewQuery } from '@licensing/projections';
import type { ScopePredicate } from '@licensing/domain';
import { ActorGuard, Authorize, NotFound, ReadScope, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { ReadConsistency, ReadQuery } from './read-query';

/** The exporter view: profile, general-license standing, and every case of the exporter on a date. */
@Controller('exporters')
@UseGuards(ActorGuard)
export class ExporterViewController {
  private readonly exporters: ExporterViewQuery;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.exporters = new ExporterViewQuery(documents);
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
