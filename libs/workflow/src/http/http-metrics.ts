import type { Metrics } from '@licensing/platform';
import type { NextFunction, Request, Response } from 'express';

/** The route label of a request no route answered (a refusal at the edge, an unknown path). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Express middleware counting every answer by method, route template
 * (`/applications/:id/approve`, never the raw path: ids would make one
 * series per id) and status, with its latency. First on the edge, so
 * the edge's own refusals (413, 415) are counted too.
 */
export function httpMetrics(metrics: Metrics): (request: Request, response: Response, next: NextFunction) => void {
  const requests = metrics.counter<'method' | 'route' | 'status'>({
    name: 'licensing_http_requests_total',
    help: 'HTTP requests answered, by method, route template (unmatched: no route answered) and status code.',
    labelNames: ['method', 'route', 'status'],
  });
  const latency = metrics.histogram<'method' | 'route'>({
    name: 'licensing_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its answer, by method and route template.',
    labelNames: ['method', 'route'],
  });
  return (request, response, next) => {
    const started = performance.now();
    response.once('finish', () => {
      const route = routeTemplate(request);
      const method = request.method;
      requests.inc({ method, route, status: String(response.statusCode) });
      latency.observe({ method, route }, (performance.now() - started) / 1000);
    });
    next();
  };
}

/** The route that answered, as its template (`/applications/:id/:action`); `unmatched` when none did. */
export function routeTemplate(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
}
