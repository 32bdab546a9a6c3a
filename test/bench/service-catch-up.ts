import { join } from 'node:path';
import type { Progress } from './progress';
import { peek } from './sqlite-peek';

/** The read model the list pages read: the biggest, so the last to catch up. */
const WATCHED_READ_MODEL = 'license-state';
const POLL_MS = 1_000;

/**
 * While the service starts (it catches its read models up before it
 * listens), shows how far the watched read model is, from the files of the
 * data directory: its checkpoint against the head of `$all`. Returns a stop.
 */
export function showCatchUpWhileStarting(dataDir: string, progress: Progress): () => void {
  const headOf = () => peek(join(dataDir, 'events.sqlite'), 'SELECT max(position) FROM events');
  const bar = progress.bar('catching up', headOf() ?? 0, `events (${WATCHED_READ_MODEL})`);
  const timer = setInterval(() => {
    const head = headOf();
    const position = peek(
      join(dataDir, 'read-models.sqlite'),
      'SELECT position FROM projection_checkpoints WHERE projection = ?',
      WATCHED_READ_MODEL,
    );
    if (head !== null) bar.update(position ?? 0, head);
  }, POLL_MS);
  return () => {
    clearInterval(timer);
    bar.stop();
  };
}

interface Readiness {
  readonly status: string;
  readonly details?: {
    readonly readModels?: { readonly models?: Record<string, { readonly lagEvents: number }> };
    readonly verifiableLog?: { readonly treeSize?: number };
  };
}

/**
 * Waits until GET /health/ready says ok, no read model lags by a single
 * event, and the verifiable log holds every event (the audit pages read its
 * tree): the pages are then timed on a service at rest, not one catching up.
 */
export async function waitUntilCaughtUp(
  baseUrl: string,
  dataDir: string,
  progress: Progress,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const events = () => peek(join(dataDir, 'events.sqlite'), 'SELECT count(*) FROM events') ?? 0;
  const bar = progress.bar('ready', events(), 'events in the verifiable log');
  try {
    for (;;) {
      const answer = await fetch(`${baseUrl}/health/ready`);
      const readiness = (await answer.json()) as Readiness;
      const lags = Object.values(readiness.details?.readModels?.models ?? {}).map((model) => model.lagEvents);
      const total = events();
      const treeSize = readiness.details?.verifiableLog?.treeSize ?? 0;
      bar.update(treeSize, total);
      if (answer.ok && readiness.status === 'ok' && lags.every((lag) => lag === 0) && treeSize >= total) return;
      if (Date.now() > deadline)
        throw new Error(`The service was not caught up within ${timeoutMs / 1000} s: ${JSON.stringify(readiness)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    bar.stop();
  }
}
