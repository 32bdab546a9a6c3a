export * from './projection';
export * from './document-store';
export * from './projection-runner';
export * from './read-models';
