import { defineConfig } from 'vitest/config';
import { CountingReporter } from './test/helpers/counting-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/helpers/property-seed.ts'],
    fileParallelism: false,
    reporters: ['default', new CountingReporter()],
  },
});
