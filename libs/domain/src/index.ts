export * from './shared/decider';
export * from './shared/errors';
export * from './shared/metadata';
export * from './shared/dates';
export * from './shared/items';
export * from './rules/decision-record';
export * from './exporter';
export * from './application';
