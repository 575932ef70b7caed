import { defineConfig } from 'vitest/config';
import { CountingReporter } from './test/helpers/counting-reporter.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/helpers/property-seed.ts'],
    reporters: ['default', new CountingReporter()],
  },
});
