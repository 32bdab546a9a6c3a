import type { AppLogger } from '@licensing/platform';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { correlationIdOf } from './correlation';
import { routeTemplate } from './http-metrics';
import { actorOf, requestFacts } from './request-facts';

/** Probes and scrapes, logged at debug: a scraper every 15 s and a probe every few seconds would drown the rest. */
const QUIET_PATHS = /^\/(?:health(?:\/.*)?|metrics|relay\/status)$/;

/**
 * One log line per answered request (pino-http), written when the answer
 * is finished: method, route template, status, duration, the correlation
 * id, the verified subject (id and role; the token never), the command id
 * when a command ran, and the outcome (`ok`, `refused` with the problem's
 * code, `error`). Nothing of the request's headers or body is logged.
 * Installed first on the edge, so the edge's own refusals (413, 415) are
 * logged too; `request.log` is the request's logger, its correlation id bound.
 */
export function requestLog(logger: AppLogger): (request: Request, response: Response, next: NextFunction) => void {
  return pinoHttp<Request, Response>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (request) => correlationIdOf(request),
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    customLogLevel: (request, response, error) => {
      if (QUIET_PATHS.test(request.path)) return 'debug';
      return error !== undefined || response.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessObject: (request, response, fields: { durationMs: number }) =>
      requestLine(request, response, fields.durationMs),
    customErrorObject: (request, response, _error, fields: { durationMs: number }) =>
      requestLine(request, response, fields.durationMs),
    customSuccessMessage: (request, response) => `${request.method} ${routeTemplate(request)} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${routeTemplate(request)} ${response.statusCode}`,
  });
}

function requestLine(request: Request, response: Response, durationMs: number) {
  const facts = requestFacts(request);
  const actor = actorOf(request);
  return {
    method: request.method,
    route: routeTemplate(request),
    status: response.statusCode,
    durationMs,
    outcome: outcomeOf(response),
    ...(facts.problem === undefined ? {} : { problem: facts.problem }),
    ...(actor === undefined ? {} : { actor: actor.id, role: actor.role }),
    ...(facts.commandId === undefined ? {} : { commandId: facts.commandId }),
    ...(facts.traceId === undefined ? {} : { traceId: facts.traceId }),
  };
}

function outcomeOf(response: Response): 'ok' | 'refused' | 'error' | 'aborted' {
  if (!response.writableFinished) return 'aborted';
  if (response.statusCode >= 500) return 'error';
  return response.statusCode >= 400 ? 'refused' : 'ok';
}
