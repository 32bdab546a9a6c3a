export * from './event-store-contract';
export * from './fixtures';
export { readEverything } from './read-contract';
