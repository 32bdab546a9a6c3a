export * from './application-content';
export * from './application-events';
export * from './application-commands';
export * from './application-input';
export * from './application-state';
export { REVIEW_WORKING_DAYS } from './application-decide-intake';
export * from './application-decider';
export * from './application-evaluation';
