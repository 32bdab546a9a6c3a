// The console's own specs: pure helpers (formats, the two languages' words,
// the browser's hashes and proofs) and the size of what a browser loads first
// (which needs the build: the project's test target builds it first). They
// type-check as browser code (tsconfig.spec.json) and run as CommonJS here.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
};
