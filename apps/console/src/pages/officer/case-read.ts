import { api, type ApiRequest } from '../../api/client';

/**
 * A read that never comes from the browser's HTTP cache. The service tags a
 * case's answer with its stream's revision (ETag) and answers 304 to a
 * matching If-None-Match, but an application's view also shows its license
 * (another stream) and a status that changes with the date: a revalidated
 * cached copy can miss an issued license. `Cache-Control: no-cache` on the
 * request makes the browser fetch afresh.
 */
export function readFresh<T>(path: string, request: Omit<ApiRequest, 'method' | 'body'> = {}): Promise<T> {
  return api<T>(path, { ...request, headers: { ...request.headers, 'Cache-Control': 'no-cache' } });
}
