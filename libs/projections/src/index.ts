export * from './projection';
export * from './document-store';
export * from './indexes/read-model-index';
export * from './indexes/list-page';
export * from './projection-runner';
export * from './rebuild';
export * from './parking';
export * from './read-models';
