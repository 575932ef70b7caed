import { defineConfig } from 'vitest/config';
import { CountingReporter } from './test/helpers/counting-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Vitest's default is one worker on two cores, but most files wait on sockets, git and timers, not the CPU.
    maxWorkers: 3,
    setupFiles: ['test/helpers/property-seed.ts'],
    globalSetup: ['test/helpers/drop-old-test-schemas.ts'],
    reporters: ['default', new CountingReporter()],
  },
});
