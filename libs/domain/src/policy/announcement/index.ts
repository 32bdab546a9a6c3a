export * from './announcement-acts';
export * from './announcement-events';
export * from './announcement-commands';
export * from './announcement-state';
export * from './announcement-decider';
export * from './measure-command-of';
