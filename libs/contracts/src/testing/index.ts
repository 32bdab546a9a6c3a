export * from './kafka-message';
export * from './sample-messages';
export * from './kafka-test-broker';
