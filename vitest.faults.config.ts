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
    // Fault tests drive several processes on a shared two-core machine; one retry absorbs a scheduling
    // stall without hiding a real failure (a real one fails twice).
    retry: 1,
    reporters: ['default', new CountingReporter()],
  },
});
