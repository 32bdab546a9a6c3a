module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'customs-gate',
  rootDir: __dirname,
};
