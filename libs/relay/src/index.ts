// What a host process needs to run the relay in-process (the licensing
// service's embedded shape) or on its own (main.ts).
export * from './mapping';
export { startLicenseRelay } from './relay/start-license-relay';
export type { LicenseRelay, LicenseRelayOptions, RelayLogger, RelayState, RelayStatus } from './relay/relay-types';
export { DEFAULT_RELAY_BATCH, RELAYED_STREAM_PREFIXES } from './relay/relay-types';
export type { RelayCheckpointStore } from './relay/checkpoint-store';
export { openRelayCheckpointStore } from './relay/sqlite-checkpoint-store';
export type { ParkedRelayEvent, RelayParkedEventStore } from './relay/parked-relay-events';
export type { RelayRetryResult } from './relay/parked-relay-retry';
export { DEAD_LETTER_TOPIC, DeadLetterHeaders } from './relay/dead-letter';
export { kafkaFromBrokers, parseBrokerList } from './relay/kafka-from-brokers';
export { relayTopic } from './relay/relay-topics';
// The relay's producer settings (idempotent, one request in flight): what a raw producer compared with it uses.
export { producerFor } from './relay/relay-attempt';
export { KafkaBrokersSetting } from './relay/kafka-brokers-setting';
