/** Three projects: fast pure unit tests, integration tests that boot a real Strapi, and browser tests of the admin panel. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];

module.exports = {
  // A global option: Jest ignores testTimeout inside a project. Booting Strapi takes seconds.
  testTimeout: 300000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/integration'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      // Browser tests: Chromium against a built admin panel (tests/e2e/helpers).
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};
