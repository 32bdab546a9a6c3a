export * from './license-events';
export * from './license-commands';
export * from './license-state';
export * from './license-status';
export * from './license-decider';
