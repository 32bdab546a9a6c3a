export * from './parked-event-store';
export * from './event-parking';
export * from './parked-projection-events';
