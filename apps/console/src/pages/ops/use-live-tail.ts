import { useEffect, useRef, useState } from 'react';
import { ProblemError } from '../../api/client';
import { linesOf, streamedText } from '../../api/streamed-response';
import type { EventEnvelope } from '../audit/audit-types';
import { sseMessages } from './sse-messages';

/** The newest events kept on screen: a tail, not the log. */
export const KEPT_EVENTS = 200;
/** Before connecting again after the stream dropped (not after a refusal, which would only repeat). */
const RECONNECT_AFTER_MS = 2_000;

export type TailState = 'connecting' | 'live' | 'paused' | 'refused';

interface Options {
  readonly categories: readonly string[];
  readonly paused: boolean;
}

/**
 * Follows GET /ops/events/live (SSE, with the bearer header: EventSource
 * cannot send it). Pausing closes the stream; resuming comes back after the
 * last event seen (`Last-Event-ID`), so nothing is missed; so does a client
 * the server cut off as fallen behind (`resumeFrom`) or a dropped connection.
 */
export function useLiveTail({ categories, paused }: Options) {
  const [events, setEvents] = useState<EventEnvelope[]>([]);
  const [state, setState] = useState<TailState>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const lastSeen = useRef<string | null>(null);
  const filter = categories.join(',');

  useEffect(() => {
    if (paused) return;
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      setState('connecting');
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (lastSeen.current !== null) headers['Last-Event-ID'] = lastSeen.current;
        const stream = streamedText('/ops/events/live', {
          query: { category: filter },
          headers,
          signal: controller.signal,
          onOpen: () => {
            setState('live');
            setProblem(null);
          },
        });
        for await (const message of sseMessages(linesOf(stream))) {
          if (message.event === 'fell-behind') {
            lastSeen.current = (JSON.parse(message.data) as { resumeFrom: string }).resumeFrom;
            break;
          }
          if (message.event !== 'recorded') continue;
          const event = JSON.parse(message.data) as EventEnvelope;
          lastSeen.current = message.id ?? event.position;
          setEvents((shown) => [event, ...shown].slice(0, KEPT_EVENTS));
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setProblem((error as Error).message);
        if (error instanceof ProblemError && error.status < 500) {
          setState('refused');
          return;
        }
      }
      if (!controller.signal.aborted) retry = setTimeout(() => void follow(), RECONNECT_AFTER_MS);
    };
    void follow();
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, [paused, filter]);

  return { events, state: paused ? ('paused' as const) : state, problem, clear: () => setEvents([]) };
}
