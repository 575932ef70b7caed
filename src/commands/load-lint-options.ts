import { lintOptionsFrom, loadConfig } from '#config/load-config.ts';
import type { LintOptions } from '#rca/lint-rca.ts';
import { unknownRules } from '#rca/rule-severities.ts';

/** The linter's options from the configuration, or the problems that stop it (printed by the caller). */
export function loadLintOptions():
  | { ok: true; options: LintOptions; dirs: string[] }
  | { ok: false; errors: string[] } {
  const loaded = loadConfig();
  if (!loaded.ok) return loaded;
  const rules = loaded.config.lint.rules;
  const errors = unknownRules(rules);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, options: { ...lintOptionsFrom(loaded.config), rules }, dirs: loaded.config.rca.dirs };
}
