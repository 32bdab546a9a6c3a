import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import { requestFacts } from './request-facts';
import { toProblem } from './to-problem';

/**
 * Every error leaves the API as RFC 9457 problem details, including those
 * Nest or Express raise before a handler (unknown route, body parser, rate
 * limit), so Nest's default `{ statusCode, message }` answer never appears.
 * The stack of a 500 goes to the log, never to the client; the problem's
 * code goes on the request's log line.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The path only: a query string may carry what must not be echoed (a token sent there by mistake).
    const body = { ...toProblem(error), instance: request.path };
    requestFacts(request).problem = body.code;
    // A 500 is a bug or a broken dependency: its stack goes to the log. A 503
    // the code chose (too many live tails, keys unavailable) is a refusal.
    if (body.status === 500) {
      this.logger.error(
        error instanceof Error
          ? { msg: `Answered 500: ${error.message}`, err: error }
          : `Answered 500: ${String(error)}`,
      );
    }
    if (response.headersSent) {
      // Part of an answer is out already: all that is left is to end it.
      response.end();
      return;
    }
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(serialize(body));
  }
}

/** Problem details as JSON; extensions that cannot be serialised (a cycle) must not turn a 4xx into a crash. */
function serialize(body: ProblemDetails): string {
  try {
    return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    const { type, title, status, detail, code, instance } = body;
    return JSON.stringify({ type, title, status, detail, code, instance });
  }
}
