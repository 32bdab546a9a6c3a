import autocannon from 'autocannon';

export interface LoadResult {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Transport errors and answers outside 2xx: a fast wrong answer is no figure. */
  readonly failures: number;
}

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  /** One path, or the next path per request (reads spread over many documents). */
  readonly path: string | (() => string);
  readonly headers: Readonly<Record<string, string>>;
  /** A fresh body per request (new ids), or none. */
  readonly body?: () => string;
}

/** A closed loop: `connections` clients, each sending its next request when the last one is answered. */
export async function closedLoop(
  url: string,
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: request.method,
        path: typeof request.path === 'string' ? request.path : request.path(),
        headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        // Only where each request differs: the load generator shares the two cores with what it measures.
        ...(typeof request.path === 'function' || request.body
          ? {
              setupRequest: (sent) => ({
                ...sent,
                ...(typeof request.path === 'function' ? { path: request.path() } : {}),
                ...(request.body ? { body: request.body() } : {}),
              }),
            }
          : {}),
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
