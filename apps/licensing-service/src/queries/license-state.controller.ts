import { Controller, Get, Inject, Param, Query, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { IdInput, type RowScope, type ScopePredicate } from '@licensing/domain';
import {
  ApplicationList,
  type ApplicationSort,
  DocumentStore,
  LicenseList,
  type LicenseSort,
  LicenseStateQuery,
} from '@licensing/projections';
import { AnswerInFull, ActorGuard, Authorize, NotFound, ReadRowScope, ReadScope, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { z } from 'zod';
import { CaseFilters, dateFilter, pageRequest, Paging, sortParameter } from './list-query';
import { ReadConsistency, ReadQuery } from './read-query';

/** Every status an application can have on a date (the list filter; the OpenAPI document's enums). */
export const APPLICATION_STATUSES = [
  'drafted',
  'submitted',
  'accepted',
  'under_review',
  'reviewed',
  'approved',
  'rejected',
  'withdrawn',
  'deadline_missed',
] as const;
export const LICENSE_STATUSES = ['not_yet_valid', 'active', 'suspended', 'exhausted', 'revoked', 'expired'] as const;
export const ApplicationListQuery = ReadQuery.extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  status: z.enum(APPLICATION_STATUSES).optional().describe('Only those with this status on asOf.'),
  ...CaseFilters,
  submittedFrom: dateFilter('Submitted on or after this date.'),
  submittedTo: dateFilter('Submitted on or before this date.'),
  reviewDeadlineFrom: dateFilter('Review deadline on or after this date.'),
  reviewDeadlineTo: dateFilter('Review deadline on or before this date.'),
  sort: sortParameter(['id', 'submittedOn', 'reviewDeadline']),
  ...Paging,
});
export const LicenseListQuery = ReadQuery.extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  status: z.enum(LICENSE_STATUSES).optional().describe('Only those with this status on asOf.'),
  ...CaseFilters,
  issuedFrom: dateFilter('Issued on or after this date.'),
  issuedTo: dateFilter('Issued on or before this date.'),
  validUntilFrom: dateFilter('Valid until this date or later.'),
  validUntilTo: dateFilter('Valid until this date or earlier.'),
  sort: sortParameter(['id', 'issuedOn', 'validUntil']),
  ...Paging,
});

/**
 * The license-state read model: every application and license, as it stands
 * on a date. Each read passes the reader's data scope (@ReadScope) to the
 * query, so a case out of it is a 404 or missing from a list, like one that
 * does not exist.
 */
@Controller()
@UseGuards(ActorGuard)
// Their ETag is a stream revision for If-Match, not a validator of the whole answer: never a 304.
@UseInterceptors(AnswerInFull)
export class LicenseStateController {
  private readonly state: LicenseStateQuery;
  private readonly applicationList: ApplicationList;
  private readonly licenseList: LicenseList;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.state = new LicenseStateQuery(documents);
    this.applicationList = new ApplicationList(documents);
    this.licenseList = new LicenseList(documents);
  }

  @Get('applications')
  @Authorize('ListApplications')
  async applications(
    @Query(new ZodBody(ApplicationListQuery)) query: z.infer<typeof ApplicationListQuery>,
    @ReadRowScope() scope: RowScope,
  ) {
    const asOf = await this.consistency.asOf(query);
    // The query's other fields (paging, minPosition) are no filters; the list reads only its own.
    const { q, ...filters } = query;
    const page = this.applicationList.page({ ...filters, text: q, asOf, scope }, pageRequest<ApplicationSort>(query));
    return { asOf, applications: page.items, nextCursor: page.nextCursor };
  }

  @Get('applications/:id')
  @Authorize('GetApplication')
  async application(
    @Param('id') id: string,
    @Query(new ZodBody(ReadQuery)) query: ReadQuery,
    @ReadScope() scope: ScopePredicate,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = this.state.application(id, await this.consistency.asOf(query), scope);
    if (!view) throw new NotFound('application.not_found', `No application ${id} has been drafted.`);
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Get('licenses')
  @Authorize('ListLicenses')
  async licenses(
    @Query(new ZodBody(LicenseListQuery)) query: z.infer<typeof LicenseListQuery>,
    @ReadRowScope() scope: RowScope,
  ) {
    const asOf = await this.consistency.asOf(query);
    // The query's other fields (paging, minPosition) are no filters; the list reads only its own.
    const { q, ...filters } = query;
    const page = this.licenseList.page({ ...filters, text: q, asOf, scope }, pageRequest<LicenseSort>(query));
    return { asOf, licenses: page.items, nextCursor: page.nextCursor };
  }

  @Get('licenses/:id')
  @Authorize('GetLicense')
  async license(
    @Param('id') id: string,
    @Query(new ZodBody(ReadQuery)) query: ReadQuery,
    @ReadScope() scope: ScopePredicate,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = this.state.license(id, await this.consistency.asOf(query), scope);
    if (!view) throw new NotFound('license.not_found', `No license ${id} has been issued.`);
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
