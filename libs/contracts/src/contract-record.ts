import { contractHeaders, type ContractHeaders, type TraceHeaders } from './headers';
import type { ContractMessage } from './integration-event';
import { type TopicName, topicOfType } from './topics';

/**
 * One message as the producer sends it: the topic is fixed by the type, the
 * key is the subject id (per-key order), the value is the envelope.
 */
export interface ContractRecord<Message extends ContractMessage = ContractMessage> {
  readonly topic: TopicName;
  readonly key: string;
  readonly headers: ContractHeaders & TraceHeaders;
  readonly value: Message;
}

export function toContractRecord<Message extends ContractMessage>(value: Message): ContractRecord<Message> {
  return { topic: topicOfType[value.type], key: value.subject.id, headers: contractHeaders(value), value };
}

/** The bytes on the wire: JSON of the envelope. */
export function serializeContractMessage(value: ContractMessage): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}
