module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'eventstoredb',
  rootDir: __dirname,
  // The contract suite (when EVENTSTORE_CONNECTION_STRING is set) waits on
  // live subscriptions over the network.
  testTimeout: 20000,
};
