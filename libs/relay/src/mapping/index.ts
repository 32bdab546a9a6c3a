export * from './mapping-error';
export * from './parse-domain-event';
export * from './license-state-fold';
export * from './measure-facts';
export * from './map-license-event';
export * from './map-application-event';
export * from './map-measure-event';
export * from './map-recorded-event';
