/**
 * Remembers the first response to each Idempotency-Key, so a client that
 * retries after a timeout gets that response again and nothing new is
 * stored. Keys are scoped by actor: two users may pick the same key.
 */
export interface RememberedResponse {
  /** Hash of method, path and body: a key reused for another request is refused. */
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface IdempotencyStore {
  /**
   * The response remembered for the key, or undefined: never remembered, or
   * remembered longer ago than the store's retention (then the request runs
   * as new, and the command id derived from the key still makes the command
   * runner answer the events stored the first time rather than store twice).
   */
  find(actorId: string, key: string): RememberedResponse | undefined;
  remember(actorId: string, key: string, response: RememberedResponse, at: string): void;
}
