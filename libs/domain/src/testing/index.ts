export * from './decider-spec';
// Fixtures for specs in other libraries (the relay's mappings, the read
// models): the same facts the domain's own specs use.
export * from '../application/fixtures';
export * from '../application/application.fixtures';
export * as licenseFixtures from '../license/license.fixtures';
export * as measureFixtures from '../policy/testing/measure-fixtures';
