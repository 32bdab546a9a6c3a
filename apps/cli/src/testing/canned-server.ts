import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CannedRoute = (request: IncomingMessage, response: ServerResponse) => void;

export interface CannedServer {
  readonly url: string;
  /** Every request seen: its path with the query, and its Authorization header. */
  readonly requests: { url: string; authorization: string | undefined }[];
  /** Routes by path (without the query); set per test. */
  readonly routes: Map<string, CannedRoute>;
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1, port 0, answering what each test sets; 404 problem otherwise. */
export async function startCannedServer(): Promise<CannedServer> {
  const requests: CannedServer['requests'] = [];
  const routes = new Map<string, CannedRoute>();
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const route = routes.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (route) return route(request, response);
    problem(404, 'Not Found', 'No such route in this test.')(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const json =
  (body: unknown, status = 200): CannedRoute =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

export const problem =
  (status: number, title: string, detail: string, code = 'test.refused'): CannedRoute =>
  (_request, response) => {
    response
      .writeHead(status, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ type: `urn:export-licensing:problem:${code}`, title, status, detail, code }));
  };

/** NDJSON as the service streams it; `cutAfter` lines, then the connection is destroyed mid-answer. */
export const ndjson =
  (body: string, cutAfter?: number): CannedRoute =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
    if (cutAfter === undefined) return void response.end(body);
    const lines = body.split('\n').slice(0, cutAfter);
    response.write(`${lines.join('\n')}\n`, () => setTimeout(() => response.destroy(), 20));
  };
