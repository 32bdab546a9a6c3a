module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'licensing-service',
  rootDir: __dirname,
};
