import { defineConfig } from 'vitest/config'

/**
 * Each test file boots its own Payload on a fresh database (tests/helpers/bootPortal.ts),
 * in its own process. TEST_DATABASE picks the adapter: sqlite (default), postgres or mongodb.
 */
export default defineConfig({
  // Compile JSX for React's production runtime, the one NODE_ENV=production loads.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Next.js serves the admin and APIs from its production build, which needs a production React.
    env: { NODE_ENV: 'production' },
  },
})
