import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { Metrics } from '@licensing/platform';
import { Unthrottled } from '@licensing/workflow';
import type { Response } from 'express';

/**
 * Prometheus metrics, in the text format. Public like health, on purpose
 * (no actor, outside the permissions table): a scraper knows no user and
 * cannot renew a short-lived bearer token, and the answer names no data,
 * only counts by command type, route template and read model. Deployments
 * keep the port off the public network, as for health (README, "Ops: metrics").
 * Never rate-limited: a scrape must answer however busy the service is.
 */
@Controller('metrics')
@Unthrottled()
export class MetricsController {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.scrape();
    // As prom-client names it (express's send() would reorder its parameters).
    response.setHeader('Content-Type', this.metrics.contentType);
    response.end(text);
  }
}
