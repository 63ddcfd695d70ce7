/** Two projects: fast pure unit tests, and integration tests that boot a real Strapi. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];

module.exports = {
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
      testTimeout: 180000,
    },
  ],
};
