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
  find(actorId: string, key: string): RememberedResponse | undefined;
  remember(actorId: string, key: string, response: RememberedResponse, at: string): void;
}
