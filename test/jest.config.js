// Suites that span apps: the README walkthrough, crash tests of the service
// and the relay, and relay delivery against a real broker. They run the
// compiled apps (`nx run system-tests:test` builds them first).
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'system-tests',
  rootDir: __dirname,
  testTimeout: 60000,
};
