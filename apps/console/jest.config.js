// The console's own specs: pure helpers (formats, the two languages' words)
// and the size of what a browser loads first (which needs the build: the
// project's test target builds it first).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console',
  rootDir: __dirname,
};
