import { defineConfig } from 'vitest/config';

// One browser, one server, one file at a time: two cores on CI. The dashboard must be built first
// (turbo: "test" depends on "^build", and @lagesbild/dashboard is a dependency of this package).
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
