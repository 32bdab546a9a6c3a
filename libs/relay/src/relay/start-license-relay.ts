import { backoffSettings, RESTART_BACKOFF, RestartBackoff, sleepUnlessAborted } from '@licensing/platform';
import { DeadLetters, DEFAULT_RELAY_PARK_AFTER_ATTEMPTS } from './dead-letters';
import { LagProbe } from './lag-probe';
import { requireParked, retryParkedRelayEvent } from './parked-relay-retry';
import { messageOf, runAttempt } from './relay-attempt';
import { relayMetrics } from './relay-metrics';
import {
  DEFAULT_RELAY_BATCH,
  type LicenseRelay,
  type LicenseRelayOptions,
  RELAYED_STREAM_PREFIXES,
  type RelayLogger,
  type RelayState,
  type RelayStatus,
} from './relay-types';

const consoleLogger: RelayLogger = {
  log: (message) => console.log(`[license-relay] ${message}`),
  warn: (message) => console.warn(`[license-relay] ${message}`),
  error: (message) => console.error(`[license-relay] ${message}`),
};

/**
 * Publishes the public messages of every relayed event to Kafka, in `$all`
 * order, from the saved checkpoint on. At least once: the checkpoint is
 * saved only after the broker acknowledged, so a crash between the two
 * re-sends those messages (same event ids) on restart; nothing is
 * skipped silently. Any failure (broker, store, checkpoint file, an event
 * that does not map) stops the run, and after a backoff a new run
 * resubscribes from the saved checkpoint; an event that still does not map
 * after a few runs goes to the dead-letter topic instead (dead-letters.ts),
 * and only it. Returns at once; `status()` tells how it goes.
 * The backoff is the platform's restart backoff (jittered, 200 ms growing
 * to 10 s, forever); a publish starts it over.
 */
export function startLicenseRelay(options: LicenseRelayOptions): LicenseRelay {
  const log = options.log ?? consoleLogger;
  const relayName = options.relayName ?? 'license-relay';
  const filter = { streamPrefixes: [...RELAYED_STREAM_PREFIXES] };
  const backoff = new RestartBackoff(backoffSettings(RESTART_BACKOFF, options.retryBackoff, 'relay retry backoff'));
  const probe = new LagProbe(options.store, filter);
  const topicPrefix = options.topicPrefix ?? '';
  const parked = options.parkedEvents;
  const deadLetters = new DeadLetters({
    store: options.store,
    relayName,
    topicPrefix,
    parkAfterAttempts: options.parkAfterAttempts ?? DEFAULT_RELAY_PARK_AFTER_ATTEMPTS,
    log,
    ...(parked ? { parked } : {}),
  });

  let state: RelayState = 'starting';
  let published: bigint | null = null;
  let publishedEvents = 0;
  let publishedMessages = 0;
  let restarts = 0;
  let lastError: string | null = null;
  let stopping = false;
  let requestStop!: () => void;
  const stopSignal = new Promise<void>((resolve) => (requestStop = resolve));
  const stopWaiting = new AbortController();

  const status = (): RelayStatus => ({
    state,
    relayName,
    publishedPosition: published,
    publishedEvents,
    publishedMessages,
    restarts,
    lastError,
    ...probe.lag(published),
  });
  const parkedCount = async () => (parked ? parked.countParked(relayName) : 0);
  const recorder = options.metrics ? relayMetrics(options.metrics, relayName, status, parkedCount) : null;

  const loop = (async () => {
    while (!stopping) {
      const end = await runAttempt(
        {
          ...options,
          log,
          relayName,
          topicPrefix,
          deadLetters,
          filter,
          maxBatchEvents: options.maxBatchEvents ?? DEFAULT_RELAY_BATCH.maxBatchEvents,
          maxBatchBytes: options.maxBatchBytes ?? DEFAULT_RELAY_BATCH.maxBatchBytes,
          memoryCacheSize: options.memoryCacheSize ?? 10_000,
          onCheckpointLoaded: (position) => {
            published = position;
            log.log(
              `Resuming after ${position === null ? 'nothing (first run: from the start of $all)' : `position ${position}`}`,
            );
          },
          onProduced: (seconds) => recorder?.produced(seconds),
          onCatchingUp: () => {
            if (!stopping) state = 'catching_up';
          },
          onCaughtUp: () => {
            if (!stopping && state === 'catching_up') state = 'live';
          },
          onPublished: (position, events, messages) => {
            published = position;
            publishedEvents += events;
            publishedMessages += messages;
            recorder?.published(events, messages);
            backoff.reset();
            lastError = null;
          },
        },
        stopSignal,
      );
      if (end.kind === 'stopped' || stopping) break;
      restarts += 1;
      recorder?.restarted();
      lastError = messageOf(end.error);
      state = 'retrying';
      const delay = backoff.nextDelayMs();
      log.error(
        `Relay run failed (${lastError}); resubscribing from the saved checkpoint ${published ?? 'start'} in ${delay} ms`,
      );
      await sleepUnlessAborted(delay, stopWaiting.signal);
    }
    state = 'stopped';
  })();

  let probing: Promise<void> | null = null;
  let lastLagLog = Date.now();
  const probeTimer = setInterval(() => {
    if (probing !== null) return;
    probing = probe
      .probe(published)
      .then(() => {
        const { lagEvents, lagExact, storePosition } = probe.lag(published);
        if (lagEvents > 0 && Date.now() - lastLagLog >= (options.lagLogIntervalMs ?? 10_000)) {
          lastLagLog = Date.now();
          log.log(
            `Lag: ${lagEvents}${lagExact ? '' : '+'} events (published ${published ?? 'nothing'}, store at ${storePosition ?? 'empty'}, ${state})`,
          );
        }
      })
      .catch((error: unknown) => log.warn(`Lag probe failed: ${messageOf(error)}`))
      .finally(() => (probing = null));
  }, options.probeIntervalMs ?? 1_000);
  probeTimer.unref();

  const retryDeps = () => {
    if (parked === undefined) throw new Error('This relay records no parked events (no parkedEvents store)');
    return { store: options.store, kafka: options.kafka, parked, relayName, topicPrefix };
  };
  return {
    status,
    parkedEvents: async () => (parked ? parked.listParked(relayName) : []),
    retryParked: (position) => retryParkedRelayEvent(retryDeps(), position),
    async skipParked(position) {
      await requireParked(retryDeps(), position);
      await parked?.decide(relayName, position, 'skipped', new Date().toISOString());
    },
    async stop() {
      stopping = true;
      clearInterval(probeTimer);
      await probing;
      requestStop();
      stopWaiting.abort();
      await loop;
    },
  };
}
