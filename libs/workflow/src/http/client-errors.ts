import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

/** Node's parser codes for a request it cannot read, and what each means to the client. */
const REFUSALS: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request.headers_too_large',
    detail: 'The request headers are larger than the server accepts (16 KiB in all): send fewer or shorter headers.',
  },
  HPE_URI_TOO_LONG: {
    status: 414,
    code: 'request.uri_too_long',
    detail: 'The request target is longer than the server accepts: send fewer or shorter query parameters.',
  },
};
const MALFORMED = {
  status: 400,
  code: 'request.malformed_http',
  detail: 'The request is not well-formed HTTP/1.1.',
};

/**
 * Node answers a request its HTTP parser refuses (headers past its limit, a
 * malformed request line) before any route or middleware, with an empty
 * body. With this listener those answers are problem details like every
 * other refusal. A socket already gone, or one that sent nothing, is just
 * closed.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET' || (error as { bytesParsed?: number }).bytesParsed === 0) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const title = STATUS_CODES[refusal.status] ?? 'Bad Request';
    const body = JSON.stringify(problem(refusal.status, refusal.code, title, refusal.detail));
    socket.end(
      `HTTP/1.1 ${refusal.status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
