import type { Problem } from './rca-document.ts';

/** What `lint.rules` may set a rule to, as ESLint's config does. */
export type RuleSetting = 'error' | 'warn' | 'off';

/** Every rule a problem can come from, in `scribe rca parse` and `scribe rca lint` alike. */
export const RULE_NAMES = [
  'front-matter',
  'required-field',
  'severity',
  'status',
  'date',
  'action-columns',
  'action-incomplete',
  'due-date',
  'timeline-order',
  'duplicate-incident',
  'dangling-link',
] as const;

/** Rules whose problems the parser reports as warnings but that a postmortem repository must fix. */
const DEFAULTS: Record<string, RuleSetting> = { 'due-date': 'error' };

/**
 * Each problem at its rule's severity: the configured one, else the default, else as reported. `off`
 * drops the rule's problems. A file that cannot be read (`read`) is always an error.
 */
export function applyRuleSeverities(problems: Problem[], configured: Record<string, RuleSetting> = {}): Problem[] {
  const out: Problem[] = [];
  for (const problem of problems) {
    const setting = problem.rule === 'read' ? 'error' : (configured[problem.rule] ?? DEFAULTS[problem.rule]);
    if (setting === 'off') continue;
    if (setting === undefined) out.push(problem);
    else out.push({ ...problem, severity: setting === 'warn' ? 'warning' : 'error' });
  }
  return out;
}

/** Names in `lint.rules` that are no rule, each with the closest real one when there is one. */
export function unknownRules(configured: Record<string, RuleSetting>): string[] {
  return Object.keys(configured)
    .filter((name) => !(RULE_NAMES as readonly string[]).includes(name))
    .map((name) => {
      const near = RULE_NAMES.find((rule) => editDistance(rule, name) <= 2);
      return `lint.rules.${name}: no such rule${near ? `; did you mean "${near}"?` : ''} (rules: ${RULE_NAMES.join(', ')})`;
    });
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
