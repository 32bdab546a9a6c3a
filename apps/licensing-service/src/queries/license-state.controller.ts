import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { IdInput, type ScopePredicate } from '@licensing/domain';
import { DocumentStore, LicenseStateQuery } from '@licensing/projections';
import { ActorGuard, Authorize, NotFound, ReadScope, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { z } from 'zod';
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
export const ApplicationList = ReadQuery.extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  status: z.enum(APPLICATION_STATUSES).optional().describe('Only those with this status on asOf.'),
});
export const LicenseList = ReadQuery.extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  status: z.enum(LICENSE_STATUSES).optional().describe('Only those with this status on asOf.'),
});

/**
 * The license-state read model: every application and license, as it stands
 * on a date. Each read passes the reader's data scope (@ReadScope) to the
 * query, so a case out of it is a 404 or missing from a list, like one that
 * does not exist.
 */
@Controller()
@UseGuards(ActorGuard)
export class LicenseStateController {
  private readonly state: LicenseStateQuery;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.state = new LicenseStateQuery(documents);
  }

  @Get('applications')
  @Authorize('ListApplications')
  async applications(
    @Query(new ZodBody(ApplicationList)) query: z.infer<typeof ApplicationList>,
    @ReadScope() scope: ScopePredicate,
  ) {
    const asOf = await this.consistency.asOf(query);
    return {
      asOf,
      applications: this.state.applications({ asOf, scope, exporterId: query.exporterId, status: query.status }),
    };
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
    @Query(new ZodBody(LicenseList)) query: z.infer<typeof LicenseList>,
    @ReadScope() scope: ScopePredicate,
  ) {
    const asOf = await this.consistency.asOf(query);
    return {
      asOf,
      licenses: this.state.licenses({ asOf, scope, exporterId: query.exporterId, status: query.status }),
    };
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
