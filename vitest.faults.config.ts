import { defineConfig } from 'vitest/config';
import { CountingReporter } from './test/helpers/counting-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/helpers/property-seed.ts'],
    globalSetup: ['test/helpers/drop-old-test-schemas.ts'],
    // Most fault tests wait on real clocks (a minute-long outage, Retry-After), not the CPU: run files side by side.
    maxWorkers: 4,
    reporters: ['default', new CountingReporter()],
  },
});
