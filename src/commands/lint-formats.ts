import type { LintFormat } from '#rca/format-lint-reports.ts';

/** `scribe rca lint --format`: ESLint's stylish grouping, JSON, or GitHub Actions workflow commands. */
export const LINT_FORMATS: readonly LintFormat[] = ['stylish', 'json', 'github'];
