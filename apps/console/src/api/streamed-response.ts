import { currentSession } from '../auth/session';
import { apiUrl, type ApiRequest, ProblemError } from './client';

/**
 * A streamed answer of the API (NDJSON of /audit/verify, Server-Sent Events
 * of /ops/events/live) read as text chunks as they arrive. EventSource cannot
 * send the bearer header, so both go through fetch with the session's token;
 * a refusal before the stream starts is a problem, thrown as ProblemError.
 */
export async function* streamedText(
  path: string,
  request: Pick<ApiRequest, 'query' | 'headers' | 'signal'> & {
    /** Called once the service has accepted the request (its headers arrived), before any chunk. */
    readonly onOpen?: () => void;
  } = {},
): AsyncGenerator<string> {
  const session = currentSession();
  const headers: Record<string, string> = { ...request.headers };
  if (session) headers['Authorization'] = `Bearer ${session.accessToken}`;
  const response = await fetch(apiUrl(path, request.query), {
    headers,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as ProblemError['problem'])
      : { title: response.statusText };
    throw new ProblemError(response.status, problem);
  }
  request.onOpen?.();
  if (response.body === null) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the download when the reader stops early (pause, leaving the page).
    await reader.cancel().catch(() => undefined);
  }
}

/** Whole lines of a streamed text, the last one even without its newline. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    const lines = pending.split(/\r\n|\n|\r/);
    pending = lines.pop() ?? '';
    yield* lines;
  }
  if (pending !== '') yield pending;
}
