import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';
import { Envelope } from '../envelope';
import { CONTENT_TYPE, HeaderNames } from '../headers';
import { type ContractMessage, contractSchemas, contractVersions, isContractMessageType } from '../integration-event';
import { ContractViolationError, type ContractViolationCode, type MessageCoordinates } from './contract-violation';
import { headerValue } from './kafka-headers';

/** What kafkajs hands `eachMessage`, less the callbacks. */
export interface IncomingContractMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/**
 * `unknown-type`: a well-formed envelope of a type this package does not
 * know. New types are an additive change (README, versioning), so a
 * consumer built against an older package skips them.
 */
export type ParsedContractMessage =
  | { readonly kind: 'contract'; readonly message: ContractMessage }
  | { readonly kind: 'unknown-type'; readonly type: string; readonly version: number; readonly eventId: string };

function issuesOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parses and validates one message: headers, JSON, envelope, the type's schema, and key = subject id. */
export function parseContractMessage({ topic, partition, message }: IncomingContractMessage): ParsedContractMessage {
  const at: MessageCoordinates = { topic, partition, offset: message.offset };
  const headerEventId = headerValue(message.headers, HeaderNames.eventId);
  const fail = (code: ContractViolationCode, detail: string, eventId = headerEventId ?? null): never => {
    throw new ContractViolationError(code, at, detail, eventId);
  };

  if (headerEventId === undefined) fail('contract.missing_header', `header "${HeaderNames.eventId}" is missing`);
  const headerType = headerValue(message.headers, HeaderNames.eventType);
  if (headerType === undefined) fail('contract.missing_header', `header "${HeaderNames.eventType}" is missing`);
  const contentType = headerValue(message.headers, HeaderNames.contentType);
  if (contentType !== undefined && contentType !== CONTENT_TYPE) {
    fail('contract.header_mismatch', `content-type is "${contentType}", expected "${CONTENT_TYPE}"`);
  }
  if (message.value === null || message.value.length === 0) fail('contract.empty_value', 'the message has no value');

  let json: unknown;
  try {
    json = JSON.parse((message.value as Buffer).toString('utf8'));
  } catch (error) {
    return fail('contract.invalid_json', `the value is not JSON (${(error as Error).message})`);
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return fail('contract.schema_mismatch', `not an envelope: ${issuesOf(envelope.error)}`);
  const { eventId, type, version, subject } = envelope.data;

  if (eventId !== headerEventId)
    fail('contract.header_mismatch', `header event-id ${headerEventId} differs from eventId ${eventId}`);
  if (type !== headerType)
    fail('contract.header_mismatch', `header event-type ${headerType} differs from type ${type}`);
  const headerVersion = headerValue(message.headers, HeaderNames.eventVersion);
  if (headerVersion !== undefined && headerVersion !== String(version)) {
    fail('contract.header_mismatch', `header event-version ${headerVersion} differs from version ${version}`);
  }
  const key = message.key?.toString('utf8') ?? null;
  if (key !== subject.id)
    fail('contract.key_mismatch', `key ${JSON.stringify(key)} differs from subject id ${subject.id}`);

  if (!isContractMessageType(type)) return { kind: 'unknown-type', type, version, eventId };
  if (version !== contractVersions[type]) {
    fail(
      'contract.unknown_version',
      `${type} v${version} is not v${contractVersions[type]}, the version this topic carries`,
    );
  }
  const parsed = contractSchemas[type].safeParse(json);
  if (!parsed.success) return fail('contract.schema_mismatch', `${type} v${version}: ${issuesOf(parsed.error)}`);
  return { kind: 'contract', message: parsed.data };
}
