import { assertNever } from '@licensing/domain';
import type { NextFunction, Request, Response } from 'express';
import { EdgeRefusal } from './edge-refusal';
import { bodyAlreadyRead } from './raw-body';

/** The media types the API reads a body in; every other type with a body is a 415. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/**
 * The `type` body-parser (and raw-body beneath it) puts on the errors it
 * passes to `next`, with the status it gives each. `stream.encoding.set` and
 * `stream.not.readable` are left out on purpose: they are our bugs, not the
 * client's, and stay 500s. The JSON parser is the only one installed, so
 * `parameters.too.many` (urlencoded) cannot occur.
 */
const BODY_ERROR_STATUS = {
  'entity.too.large': 413,
  'entity.parse.failed': 400,
  'encoding.unsupported': 415,
  'charset.unsupported': 415,
  'request.aborted': 400,
  'request.size.invalid': 400,
} as const;
type BodyErrorType = keyof typeof BODY_ERROR_STATUS;

export interface BodyParserError extends Error {
  type: BodyErrorType;
  status: number;
  /** entity.too.large: the limit in bytes. */
  limit?: number;
  charset?: string;
  encoding?: string;
}

export function isBodyParserError(error: unknown): error is BodyParserError {
  if (!(error instanceof Error)) return false;
  const { type, status } = error as { type?: unknown; status?: unknown };
  return (
    typeof type === 'string' &&
    Object.hasOwn(BODY_ERROR_STATUS, type) &&
    status === BODY_ERROR_STATUS[type as BodyErrorType]
  );
}

/** What a client is told when its body could not be read; nothing of the parser's own message leaks. */
export function bodyRefusal(error: BodyParserError): EdgeRefusal {
  switch (error.type) {
    case 'entity.too.large': {
      const limit = error.limit ?? 0;
      return new EdgeRefusal(
        413,
        'request.body_too_large',
        `The request body is larger than the limit of ${formatBytes(limit)}; send a smaller body.`,
        { limitBytes: limit },
      );
    }
    case 'entity.parse.failed':
      return new EdgeRefusal(
        400,
        'request.malformed_json',
        'The request body is not valid JSON; send a JSON object with Content-Type: application/json.',
      );
    case 'encoding.unsupported':
      return new EdgeRefusal(
        415,
        'request.unsupported_content_encoding',
        'The Content-Encoding is not supported; send the body as identity, gzip, deflate or br.',
      );
    case 'charset.unsupported':
      return new EdgeRefusal(
        415,
        'request.unsupported_charset',
        'The charset is not supported; send the body in UTF-8.',
      );
    case 'request.aborted':
      return new EdgeRefusal(400, 'request.aborted', 'The client stopped sending the body before it was complete.');
    case 'request.size.invalid':
      return new EdgeRefusal(
        400,
        'request.body_length_mismatch',
        'The body is not as long as its Content-Length says; send the header with the exact length.',
      );
    default:
      return assertNever(error.type, 'body-parser error type');
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** A body is there when it is chunked or has a non-zero length; fetch sends `Content-Length: 0` on a bare POST. */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * Express middleware: a body that is not JSON is refused with 415 before
 * anything reads it. Without this, express.json() skips such a body and the
 * handler sees none, so `text/plain` garbage on an action without required
 * fields would run the command.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!hasBody(request) || request.is(JSON_MEDIA_TYPES) || bodyAlreadyRead(request)) return next();
  const type = request.headers['content-type']?.split(';')[0]?.trim().slice(0, 100) || 'none';
  next(
    new EdgeRefusal(
      415,
      'request.unsupported_media_type',
      `The body must be JSON (Content-Type: application/json); got ${type}.`,
      { contentType: type },
    ),
  );
}

/**
 * Express error middleware right after the body parser: its errors become
 * typed refusals, so the problem filter answers 413/415/400 instead of 500
 * (Nest would pass a PayloadTooLargeError on as an unknown error, and turn
 * a JSON syntax error into an untyped 400 quoting the parser).
 */
export function translateBodyErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(isBodyParserError(error) ? bodyRefusal(error) : error);
}
