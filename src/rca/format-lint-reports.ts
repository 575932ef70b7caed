import type { LintReport } from './lint-files.ts';
import type { Problem } from './rca-document.ts';

export type LintFormat = 'stylish' | 'json' | 'github';

export interface FormattedReports {
  text: string;
  errors: number;
  warnings: number;
}

type Formatter = (reports: LintReport[]) => string;

/** `scribe rca lint --format`, one formatter per kind. */
const FORMATTERS: Record<LintFormat, Formatter> = {
  stylish: formatStylish,
  json: (reports) => JSON.stringify(reports, null, 2),
  github: formatGithub,
};

export function formatLintReports(reports: LintReport[], format: LintFormat): FormattedReports {
  const problems = reports.flatMap((r) => r.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { text: FORMATTERS[format](reports), errors, warnings: problems.length - errors };
}

/**
 * As ESLint's stylish formatter: each file's path once, then its problems as aligned
 * `line:col  severity  message  rule` columns, then one summary line.
 */
function formatStylish(reports: LintReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    if (report.problems.length === 0) continue;
    const rows = report.problems.map((p) => [`${p.line}:${p.column}`, p.severity, p.message, p.rule]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
    out.push(report.path);
    for (const row of rows) out.push(`  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`);
    out.push('');
  }
  out.push(summaryLine(reports));
  return out.join('\n');
}

/** GitHub Actions workflow commands: each problem an annotation on its file and line, then the summary. */
function formatGithub(reports: LintReport[]): string {
  const out = reports.flatMap((report) => report.problems.map((p) => annotation(report.path, p)));
  out.push(summaryLine(reports));
  return out.join('\n');
}

function annotation(path: string, p: Problem): string {
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `title=${escapeProperty(p.rule)}`,
  ];
  return `::${p.severity} ${properties.join(',')}::${escapeData(p.message)}`;
}

/** The escapes the runner undoes (actions/toolkit's command.ts): data, then property values. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function summaryLine(reports: LintReport[]): string {
  const problems = reports.flatMap((r) => r.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${problems.length === 0 ? '✔' : '✖'} ${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(reports.length, 'file')}`;
}
