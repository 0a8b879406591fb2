// Three projects: pure domain and functions run in node; React components in jsdom.
// The weapp and browser suites need builds first and are run by scripts/test.mjs.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }]
const transform = { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc }
// flatbush and its deps ship ES modules only
const transformIgnorePatterns = ['/node_modules/(?!(flatbush|flatqueue)/)']

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', roots: ['<rootDir>/tests/unit'], transform, transformIgnorePatterns },
    { displayName: 'functions', testEnvironment: 'node', roots: ['<rootDir>/tests/functions', '<rootDir>/tests/attack'], transform, transformIgnorePatterns },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/client'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/client/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/client/stubs/components.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/client/stubs/style.ts',
      },
    },
    { displayName: 'weapp', testEnvironment: 'node', roots: ['<rootDir>/tests/weapp'], transform, transformIgnorePatterns },
    { displayName: 'e2e', testEnvironment: 'node', roots: ['<rootDir>/tests/e2e'], transform, transformIgnorePatterns },
  ],
}
