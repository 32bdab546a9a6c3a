import type { Actor } from '@licensing/domain';

/**
 * What the request's log line and span say about it, gathered while the
 * request runs: set by the edge (correlation, trace), the command gateway
 * (command id) and the problem filter (the refusal's code). The actor is
 * the guard's, read from the request itself.
 */
export interface RequestFacts {
  correlationId?: string;
  traceId?: string;
  commandId?: string;
  /** The problem's `code` when the answer was a problem. */
  problem?: string;
}

const FACTS = Symbol('licensing.requestFacts');

type WithFacts = { [FACTS]?: RequestFacts; actor?: Actor };

export function requestFacts(request: object): RequestFacts {
  const carrier = request as WithFacts;
  return (carrier[FACTS] ??= {});
}

/** The command this request ran, for its log line. */
export function noteCommand(request: object, commandId: string): void {
  requestFacts(request).commandId = commandId;
}

/** The verified subject the actor guard resolved, if it ran: id and role, never the token. */
export function actorOf(request: object): Actor | undefined {
  return (request as WithFacts).actor;
}
