import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ActorGuard, Authorize } from '@licensing/workflow';
import type { ServiceConfig } from '../config';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { openApiDocument } from './openapi-document';

/**
 * The API's description, for any authenticated person (`ReadOpenApi`): it
 * names every operation and role, which is nobody's business before they
 * have signed in. Health and /.well-known/* stay public instead. Built from
 * the service's own settings: what it serves (/.well-known only as its own
 * issuer) and what it can refuse (429 only with a rate limit on).
 */
@Controller()
@UseGuards(ActorGuard)
export class OpenApiController {
  private readonly document: Record<string, unknown>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.document = openApiDocument(config);
  }

  @Get('openapi.json')
  @Authorize('ReadOpenApi')
  openApi() {
    return this.document;
  }
}
