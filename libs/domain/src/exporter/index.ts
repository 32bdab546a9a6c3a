export * from './exporter-events';
export * from './exporter-commands';
export * from './exporter-state';
export * from './exporter-profile';
export * from './exporter-decider';
