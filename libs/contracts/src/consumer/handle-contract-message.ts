import type { IHeaders } from 'kafkajs';
import type { ContractMessageOf, ContractMessageType } from '../integration-event';
import { ContractViolationError } from './contract-violation';
import { dedupeKeyOf, type DedupeStore } from './dedupe-store';
import { type IncomingContractMessage, parseContractMessage } from './parse-contract-message';

/** Where a message came from, and the key to record with its effect for exactly-once. */
export interface ContractMessageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: IHeaders;
  /** Store this in the same transaction as the handler's effect when using a durable DedupeStore. */
  readonly dedupeKey: string;
}

export type ContractHandler<Type extends ContractMessageType> = (
  message: ContractMessageOf<Type>,
  context: ContractMessageContext,
) => Promise<void>;

/** One handler per type the consumer cares about; other types are read and skipped. */
export type ContractHandlers = { readonly [Type in ContractMessageType]?: ContractHandler<Type> };

/**
 * Called with a message that breaks its contract. Resolving means "dealt
 * with" (e.g. written to a dead-letter topic and alerted): the offset is
 * committed. Throwing keeps the offset uncommitted, like having no onInvalid.
 */
export type InvalidMessageHandler = (error: ContractViolationError, incoming: IncomingContractMessage) => Promise<void>;

export interface HandleContractMessageDeps {
  readonly handlers: ContractHandlers;
  readonly dedupe: DedupeStore;
  readonly onInvalid?: InvalidMessageHandler;
}

export type HandleOutcome =
  | { readonly status: 'handled'; readonly type: ContractMessageType; readonly eventId: string }
  | { readonly status: 'duplicate'; readonly type: ContractMessageType; readonly eventId: string }
  | { readonly status: 'no-handler'; readonly type: ContractMessageType; readonly eventId: string }
  | { readonly status: 'unknown-type'; readonly type: string; readonly eventId: string }
  | { readonly status: 'invalid-dealt-with'; readonly error: ContractViolationError };

/**
 * The consumer's core, free of the Kafka client: validate, de-duplicate,
 * run the typed handler, remember. A rejected promise (handler failure or
 * a contract violation without onInvalid) must leave the offset
 * uncommitted, which kafkajs does when `eachMessage` rejects.
 */
export async function handleContractMessage(
  incoming: IncomingContractMessage,
  deps: HandleContractMessageDeps,
): Promise<HandleOutcome> {
  let parsed;
  try {
    parsed = parseContractMessage(incoming);
  } catch (error) {
    if (!(error instanceof ContractViolationError) || deps.onInvalid === undefined) throw error;
    await deps.onInvalid(error, incoming);
    return { status: 'invalid-dealt-with', error };
  }
  if (parsed.kind === 'unknown-type') return { status: 'unknown-type', type: parsed.type, eventId: parsed.eventId };

  const { message } = parsed;
  const handler = deps.handlers[message.type] as ContractHandler<typeof message.type> | undefined;
  if (handler === undefined) return { status: 'no-handler', type: message.type, eventId: message.eventId };

  const dedupeKey = dedupeKeyOf(message);
  if (await deps.dedupe.has(dedupeKey)) return { status: 'duplicate', type: message.type, eventId: message.eventId };

  await handler(message, {
    topic: incoming.topic,
    partition: incoming.partition,
    offset: incoming.message.offset,
    key: message.subject.id,
    headers: incoming.message.headers ?? {},
    dedupeKey,
  });
  await deps.dedupe.remember(dedupeKey);
  return { status: 'handled', type: message.type, eventId: message.eventId };
}
