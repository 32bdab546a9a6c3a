import { currentSession, endSession } from '../auth/session';

/** An RFC 9457 problem the API answered, with its field errors when it names them. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      readonly type?: string;
      readonly title?: string;
      readonly detail?: string;
      readonly code?: string;
      readonly errors?: readonly { readonly field: string; readonly rule: string; readonly message: string }[];
    },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST';
  readonly query?: Record<string, string | number | boolean | undefined | null>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

/** Called when the service refuses the token (expired, revoked): the app sends the user to sign in. */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export function apiUrl(path: string, query: ApiRequest['query'] = {}): string {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  return url.pathname + url.search;
}

/** One call to the service's API as the signed-in user; a problem answer becomes a ProblemError. */
export async function api<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const session = currentSession();
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (session) headers['Authorization'] = `Bearer ${session.accessToken}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(apiUrl(path, request.query), {
    method: request.method ?? 'GET',
    // TanStack Query is the cache. The browser's HTTP cache would revalidate with the stream revision
    // (the ETag) and keep a view whose other parts (a license issued, a date passed) have changed.
    cache: 'no-store',
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  if (response.status === 401) {
    endSession();
    onUnauthorized();
  }
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as ProblemError['problem'])
      : { title: response.statusText };
    throw new ProblemError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
