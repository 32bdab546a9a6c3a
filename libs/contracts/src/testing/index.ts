export * from './kafka-message';
export * from './sample-messages';
