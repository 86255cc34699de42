import { defineConfig } from 'vitest/config';

// Unit and integration tests in plain Node, against real SQLite files in temporary folders.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
