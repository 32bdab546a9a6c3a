/**
 * Readiness as a pure function of what the probes found, in the shape of
 * @nestjs/terminus: `status`, the checks that are up under `info`, those
 * that are down under `error`, and all of them under `details`. The
 * controller gathers the inputs (with a time bound each); this decides.
 */

export type CheckStatus = 'up' | 'down';

export interface EventStoreCheck {
  status: CheckStatus;
  store: 'sqlite' | 'eventstoredb';
  error?: string;
}

export interface ReadModelLagDetail {
  /** Events in `$all` this read model has not processed yet. */
  lagEvents: number;
  /** False when counting stopped past the threshold: the lag is at least `lagEvents`. */
  lagExact: boolean;
  /** Why the read model last failed, while it has not applied an event since. */
  lastError?: string;
}

export interface ReadModelsCheck {
  status: CheckStatus;
  /** READY_MAX_LAG_EVENTS: the most events a read model may be behind and the service still ready. */
  maxLagEvents: number;
  models: Record<string, ReadModelLagDetail>;
  error?: string;
}

export interface KafkaCheck {
  status: CheckStatus;
  /** Brokers the cluster metadata named; 0 when it could not be read. */
  brokers: number;
  /** The embedded relay's state and lag, as it reports them (for the operator; not part of the verdict). */
  relay: { state: string; lagEvents: number } | null;
  error?: string;
}

export interface VerifiableLogCheck {
  status: CheckStatus;
  treeSize: number;
  error?: string;
}

export interface ReadinessChecks {
  eventStore: EventStoreCheck;
  readModels: ReadModelsCheck;
  /** Only when KAFKA_BROKERS is set. */
  kafka?: KafkaCheck;
  verifiableLog: VerifiableLogCheck;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  info: Partial<ReadinessChecks>;
  error: Partial<ReadinessChecks>;
  details: ReadinessChecks;
}

/** A probe's outcome: what it read, or why it could not (failed, or did not answer in time). */
export type Probed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ReadinessInputs {
  eventStore: { store: 'sqlite' | 'eventstoredb'; read: Probed<unknown> };
  readModels: Probed<readonly { name: string; lagEvents: number; exact: boolean; lastError: string | null }[]>;
  maxLagEvents: number;
  /** Absent without KAFKA_BROKERS. */
  kafka?: { metadata: Probed<{ brokers: number }>; relay: { state: string; lagEvents: number } | null };
  verifiableLog: { treeSize: number; error: string | null };
}

const status = (up: boolean): CheckStatus => (up ? 'up' : 'down');

export function evaluateReadiness(inputs: ReadinessInputs): ReadinessReport {
  const { read } = inputs.eventStore;
  const eventStore: EventStoreCheck = read.ok
    ? { status: 'up', store: inputs.eventStore.store }
    : { status: 'down', store: inputs.eventStore.store, error: read.error };

  const readModels = readModelsCheck(inputs.readModels, inputs.maxLagEvents);

  const verifiableLog: VerifiableLogCheck =
    inputs.verifiableLog.error === null
      ? { status: 'up', treeSize: inputs.verifiableLog.treeSize }
      : { status: 'down', treeSize: inputs.verifiableLog.treeSize, error: inputs.verifiableLog.error };

  const details: ReadinessChecks = { eventStore, readModels, verifiableLog };
  if (inputs.kafka) {
    const { metadata, relay } = inputs.kafka;
    details.kafka = metadata.ok
      ? { status: status(metadata.value.brokers > 0), brokers: metadata.value.brokers, relay }
      : { status: 'down', brokers: 0, relay, error: metadata.error };
    if (metadata.ok && metadata.value.brokers === 0) details.kafka.error = 'the cluster metadata names no broker';
  }

  const info: Partial<ReadinessChecks> = {};
  const error: Partial<ReadinessChecks> = {};
  for (const [name, check] of Object.entries(details) as [
    keyof ReadinessChecks,
    ReadinessChecks[keyof ReadinessChecks],
  ][]) {
    const into = check?.status === 'up' ? info : error;
    Object.assign(into, { [name]: check });
  }
  return { status: Object.keys(error).length === 0 ? 'ok' : 'error', info, error, details };
}

function readModelsCheck(probed: ReadinessInputs['readModels'], maxLagEvents: number): ReadModelsCheck {
  if (!probed.ok) return { status: 'down', maxLagEvents, models: {}, error: probed.error };
  const models: Record<string, ReadModelLagDetail> = {};
  const problems: string[] = [];
  for (const model of probed.value) {
    models[model.name] = {
      lagEvents: model.lagEvents,
      lagExact: model.exact,
      ...(model.lastError === null ? {} : { lastError: model.lastError }),
    };
    if (model.lagEvents > maxLagEvents)
      problems.push(`${model.name} is ${model.exact ? '' : 'at least '}${model.lagEvents} events behind`);
    else if (model.lastError !== null) problems.push(`${model.name} is failing: ${model.lastError}`);
  }
  return problems.length === 0
    ? { status: 'up', maxLagEvents, models }
    : { status: 'down', maxLagEvents, models, error: problems.join('; ') };
}

/** Resolves with what `probe` gives, or with why not: it threw, or did not answer within `timeoutMs`. */
export async function probeWithin<T>(timeoutMs: number, probe: () => Promise<T>): Promise<Probed<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Probed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const answer = probe().then(
    (value): Probed<T> => ({ ok: true, value }),
    (cause: unknown): Probed<T> => ({ ok: false, error: cause instanceof Error ? cause.message : String(cause) }),
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
