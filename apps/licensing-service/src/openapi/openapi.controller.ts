import { Controller, Get, UseGuards } from '@nestjs/common';
import { ActorGuard, Authorize } from '@licensing/workflow';
import { openApiDocument } from './openapi-document';

/**
 * The API's description, for any authenticated person (`ReadOpenApi`): it
 * names every operation and role, which is nobody's business before they
 * have signed in. Health and /.well-known/* stay public instead.
 */
@Controller()
@UseGuards(ActorGuard)
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  @Authorize('ReadOpenApi')
  openApi() {
    return this.document;
  }
}
