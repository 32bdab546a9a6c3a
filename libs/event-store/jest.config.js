module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'event-store',
  rootDir: __dirname,
  // Integration specs spawn a writer process and wait on live subscriptions;
  // give them room on a loaded two-core machine.
  testTimeout: 20000,
};
