import type { ContractMessageType } from './integration-event';

/** Topic names. The `.v1` suffix changes only with a breaking change (see README, versioning). */
export const Topics = {
  /** Every license event; key = license id, so one license's events stay in order. */
  licenseEvents: 'export-licensing.license-events.v1',
  /** Submissions and decisions; key = application id. */
  applicationEvents: 'export-licensing.application-events.v1',
  /** Control-measure changes; key = measure id. */
  policyEvents: 'export-licensing.policy-events.v1',
  /** Compacted: the latest `license.state` per license; key = license id. */
  licenseState: 'export-licensing.license-state.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Which topic carries each message type. */
export const topicOfType: { readonly [Type in ContractMessageType]: TopicName } = {
  'application.submitted': Topics.applicationEvents,
  'application.decided': Topics.applicationEvents,
  'license.issued': Topics.licenseEvents,
  'license.amended': Topics.licenseEvents,
  'license.suspended': Topics.licenseEvents,
  'license.reinstated': Topics.licenseEvents,
  'license.revoked': Topics.licenseEvents,
  'license.expired': Topics.licenseEvents,
  'license.exhausted': Topics.licenseEvents,
  'license.shipment-recorded': Topics.licenseEvents,
  'license.shipment-corrected': Topics.licenseEvents,
  'license.shipment-cancelled': Topics.licenseEvents,
  'control-measure.changed': Topics.policyEvents,
  'license.state': Topics.licenseState,
};

/** Shaped like kafkajs `ITopicConfig`, so the relay passes it to `admin.createTopics` as is. */
export interface TopicSpec {
  readonly topic: TopicName;
  readonly numPartitions: number;
  readonly configEntries: readonly { readonly name: string; readonly value: string }[];
}

const THIRTY_DAYS_MS = String(30 * 24 * 60 * 60 * 1000);

/**
 * How the relay creates the topics. Replication is left to the broker
 * default (set it per cluster). Event topics keep 30 days: a consumer that
 * starts later bootstraps from the compacted state topic. Policy changes
 * are few and each matters for years, so they are kept forever. Partition
 * counts only ever grow with a new topic version, because changing them
 * moves keys between partitions and breaks per-key order.
 */
export const topicSpecs: readonly TopicSpec[] = [
  {
    topic: Topics.licenseEvents,
    numPartitions: 6,
    configEntries: [
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'retention.ms', value: THIRTY_DAYS_MS },
    ],
  },
  {
    topic: Topics.applicationEvents,
    numPartitions: 6,
    configEntries: [
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'retention.ms', value: THIRTY_DAYS_MS },
    ],
  },
  {
    topic: Topics.policyEvents,
    numPartitions: 1,
    configEntries: [
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'retention.ms', value: '-1' },
    ],
  },
  {
    topic: Topics.licenseState,
    numPartitions: 6,
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      // A consumer reading the head of the log still sees recent intermediate states for a minute.
      { name: 'min.compaction.lag.ms', value: '60000' },
    ],
  },
];
