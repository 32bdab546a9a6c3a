import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { Metrics } from '@licensing/platform';
import type { Response } from 'express';

/**
 * The relay process's Prometheus metrics (lag, positions, produce latency,
 * restarts, Node's process metrics), in the text format. Public like its
 * health: a scraper carries no token, and the answer names no data.
 */
@Controller('metrics')
export class RelayMetricsController {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.scrape();
    response.setHeader('Content-Type', this.metrics.contentType);
    response.end(text);
  }
}
