import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * One route that takes its body as bytes of any media type (a document
 * upload) instead of JSON, with a limit of its own: the JSON limit is for
 * commands, not files.
 */
export interface RawBodyRoute {
  readonly method: 'POST';
  /** The exact path, e.g. `/documents`. */
  readonly path: string;
  /** The largest body read (413 past it). */
  readonly limitBytes: number;
}

/** The requests whose body a raw route read: the JSON check and parser let them by. */
const readRaw = new WeakSet<Request>();

/** Reads the route's body as a Buffer (`request.body`); errors (too large) go on to the edge's translation. */
export function rawBody(route: RawBodyRoute): RequestHandler {
  const parse = express.raw({ type: () => true, limit: route.limitBytes });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== route.method || request.path !== route.path) return next();
    parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) readRaw.add(request);
      next(error);
    });
  };
}

/** Whether a raw route already read this request's body. */
export function bodyAlreadyRead(request: Request): boolean {
  return readRaw.has(request);
}
