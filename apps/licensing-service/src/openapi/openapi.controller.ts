import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from './openapi-document';

/** Public on purpose (no actor, outside the permissions table): a client reads it before it knows who it is. */
@Controller()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  openApi() {
    return this.document;
  }
}
