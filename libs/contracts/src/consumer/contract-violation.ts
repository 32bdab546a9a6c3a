/** Why a message does not honour the contract. Stable codes, for alerts and dead-letter records. */
export type ContractViolationCode =
  | 'contract.empty_value'
  | 'contract.invalid_json'
  | 'contract.missing_header'
  | 'contract.header_mismatch'
  | 'contract.key_mismatch'
  | 'contract.unknown_version'
  | 'contract.schema_mismatch';

/** Where the offending message sits, so an operator can find it with any Kafka tool. */
export interface MessageCoordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * A message on our topics that breaks its contract. It means a bug on the
 * producing side (or a consumer built against an older contract package),
 * never bad user input, so by default the consumer stops on it instead of
 * skipping: see `onInvalid` in createContractConsumer.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    readonly code: ContractViolationCode,
    readonly at: MessageCoordinates,
    detail: string,
    readonly eventId: string | null = null,
  ) {
    super(
      `${at.topic}[${at.partition}]@${at.offset}${eventId ? ` (event ${eventId})` : ''} breaks the contract (${code}): ${detail}. ` +
        'The offset is not committed; fix the producer or upgrade @licensing/contracts, or pass onInvalid to dead-letter it.',
    );
  }
}
