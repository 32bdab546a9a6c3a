module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'verifiable-log',
  rootDir: __dirname,
};
