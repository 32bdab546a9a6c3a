module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'license-relay',
  rootDir: __dirname,
};
