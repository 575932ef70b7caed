import { DATE_OR_TIMESTAMP, REQUIRED_FIELDS } from './front-matter.ts';
import { isCalendarDate } from './parse-due-cell.ts';
import type { ParsedRca, Problem } from './rca-document.ts';
import { applyRuleSeverities, type RuleSetting } from './rule-severities.ts';

export interface LintOptions {
  severities: string[];
  statuses: string[];
  /** `lint.rules`: a rule's severity, or `off`; see rule-severities.ts. */
  rules?: Record<string, RuleSetting>;
}

type Rule = (rca: ParsedRca, options: LintOptions) => Problem[];

const error = (line: number, message: string, rule: string): Problem => ({
  line,
  column: 1,
  severity: 'error',
  message,
  rule,
});

/** Where a front-matter field is written; line 1 when it is not. */
const fieldLine = (rca: ParsedRca, field: string): number => rca.frontMatterLines?.[field] ?? 1;

/**
 * Missing fields, unless the front matter could not be read at all (then its own error says why); a
 * file with none of them gets one error saying to add the block, not one per field.
 */
const requiredFields: Rule = (rca) => {
  if (rca.problems.some((p) => p.rule === 'front-matter' && p.severity === 'error')) return [];
  const missing = REQUIRED_FIELDS.filter(
    (field) => rca.frontMatter[field] === undefined || rca.frontMatter[field] === null,
  );
  if (missing.length === REQUIRED_FIELDS.length && Object.keys(rca.frontMatter).length === 0) {
    const fields = REQUIRED_FIELDS.join(', ');
    return [
      error(
        1,
        `No front matter; start the file with a --- block holding ${fields} (see templates/rca.md)`,
        'required-field',
      ),
    ];
  }
  return missing.map((field) =>
    error(1, `Front matter has no "${field}"; add it (see templates/rca.md)`, 'required-field'),
  );
};

const knownValues: Rule = (rca, options) => {
  const problems: Problem[] = [];
  const check = (field: 'severity' | 'status', allowed: string[]) => {
    const value = rca.frontMatter[field];
    if (typeof value === 'string' && !allowed.some((a) => a.toLowerCase() === value.toLowerCase())) {
      problems.push(error(fieldLine(rca, field), `${field} "${value}" is not one of ${allowed.join(', ')}`, field));
    }
  };
  check('severity', options.severities);
  check('status', options.statuses);
  return problems;
};

const validDate: Rule = (rca) => {
  const date = rca.frontMatter['date'];
  if (typeof date !== 'string') return [];
  const m = DATE_OR_TIMESTAMP.exec(date);
  // One written in another form is the front matter's own problem (rule front-matter), said once.
  return !m || isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
    ? []
    : [error(fieldLine(rca, 'date'), `date "${date}" is not a real date; write it as YYYY-MM-DD`, 'date')];
};

/**
 * Items with no owner or no due date are kept and shown under needs attention, as bullet lists often
 * write them: one warning per file says how many. A due date that is there but unreadable is the
 * parser's `due-date` problem, in parse and lint alike.
 */
const actionItemsComplete: Rule = (rca) => {
  const incomplete = rca.actionItems.filter(
    (item) => !item.done && (item.owner === null || (item.due === null && item.dueText === undefined)),
  );
  if (incomplete.length === 0) return [];
  const n = incomplete.length;
  const lines = incomplete.map((item) => item.line).join(', ');
  const message = `${n} action item${n === 1 ? ' has' : 's have'} no owner or no due date (line${n === 1 ? '' : 's'} ${lines}); ${n === 1 ? 'it goes' : 'they go'} to the needs-attention list until ${n === 1 ? 'it names' : 'they name'} both, as in "Add an alert (@ana, due 2025-05-01)"`;
  return [{ line: incomplete[0]!.line, column: 1, severity: 'warning', message, rule: 'action-incomplete' }];
};

const timelineInOrder: Rule = (rca) => {
  const problems: Problem[] = [];
  let previous: { minutes: number; time: string } | null = null;
  let day = 0;
  for (const row of rca.timeline) {
    const parsed = /^(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}):(\d{2})/.exec(row.time);
    if (!parsed) continue;
    if (parsed[1]) day = Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3])) / 60_000;
    let minutes = day + Number(parsed[4]) * 60 + Number(parsed[5]);
    // A team that leaves the date out when the incident crosses midnight still wrote the rows in order.
    if (previous && !parsed[1] && minutes < previous.minutes && minutes + 1440 - previous.minutes < 720) {
      day += 1440;
      minutes += 1440;
    }
    if (previous && minutes < previous.minutes) {
      problems.push(
        error(
          row.line,
          `Timeline time ${row.time} comes after ${previous.time}; put rows in order, with the date where the incident crosses midnight`,
          'timeline-order',
        ),
      );
    }
    previous = { minutes, time: row.time };
  }
  return problems;
};

const RULES: Rule[] = [requiredFields, knownValues, validDate, actionItemsComplete, timelineInOrder];

/** The rules that need one file only; `lintFiles` adds those that compare files. */
export function lintRca(rca: ParsedRca, options: LintOptions): Problem[] {
  const problems = applyRuleSeverities(
    [...rca.problems, ...RULES.flatMap((rule) => rule(rca, options))],
    options.rules,
  );
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.rule}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
