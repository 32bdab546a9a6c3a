import type { IHeaders, KafkaMessage } from 'kafkajs';
import { contractHeaders } from '../headers';
import type { ContractMessage } from '../integration-event';

export interface KafkaMessageOptions {
  readonly offset?: string;
  /** Default: the subject id. `null`: no key. */
  readonly key?: string | null;
  /** Replace or drop (`undefined`) individual headers. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** Raw bytes instead of the envelope's JSON (`null`: no value). */
  readonly rawValue?: Buffer | null;
}

/**
 * The message kafkajs would hand `eachMessage` for an envelope our relay
 * produced: Buffer key and value, Buffer header values.
 */
export function kafkaMessageOf(value: ContractMessage, options: KafkaMessageOptions = {}): KafkaMessage {
  const merged: Record<string, string | undefined> = { ...contractHeaders(value), ...options.headers };
  const headers: IHeaders = {};
  for (const [name, headerValue] of Object.entries(merged)) {
    if (headerValue !== undefined) headers[name] = Buffer.from(headerValue, 'utf8');
  }
  const key = options.key === undefined ? value.subject.id : options.key;
  return {
    key: key === null ? null : Buffer.from(key, 'utf8'),
    value: options.rawValue !== undefined ? options.rawValue : Buffer.from(JSON.stringify(value), 'utf8'),
    timestamp: '1767225600000',
    attributes: 0,
    offset: options.offset ?? '0',
    headers,
  };
}
