import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/fixtures/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/property/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
