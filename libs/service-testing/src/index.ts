// Drives the licensing service over HTTP in specs: a small JSON client, the
// README walkthrough's requests, and whole flows (draft → approved → license).
export * from './service-client';
export * from './walkthrough-data';
export * from './licensing-flow';
export * from './prometheus-scrape';
