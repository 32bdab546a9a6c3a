module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'eventstoredb',
  rootDir: __dirname,
};
