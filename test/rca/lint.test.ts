import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, noteName } from '#rca/lint-files.ts';
import { VAULT_RCAS } from '../helpers/template.ts';

const OPTIONS = { severities: ['P1', 'P2', 'P3', 'P4'], statuses: ['investigating', 'resolved', 'draft'] };
const GOOD = `---
title: "2025-04-07 - Cache bug"
date: 2025-04-07
severity: P3
services: [api]
tags: [rca]
status: resolved
duration_minutes: 56
author: DevOps
---

# 2025-04-07 - Cache bug

## Timeline

| Time (UTC) | Event |
|---|---|
| 23:50 | Alert |
| 00:10 | Fixed |

## Action Items

| Priority | Action | Owner | Due Date |
|---|---|---|---|
| P1 | Add alert | SRE | 2025-04-14 |

## Related Incidents

- [[runbook-api|Runbook]]
`;

const rules = (source: string, notes = ['runbook-api']) =>
  lintFiles([{ path: 'a.md', source }], OPTIONS, new Set(notes))[0]!.problems.map((p) => [p.line, p.severity, p.rule]);

describe('lintFiles', () => {
  it('passes a complete RCA, including a timeline that crosses midnight', () => {
    expect(rules(GOOD)).toEqual([]);
  });

  it('reports missing fields, and an unknown severity and status and a bad date at their own lines', () => {
    const source = GOOD.replace('severity: P3', 'severity: SEV9')
      .replace('status: resolved', 'status: done')
      .replace('date: 2025-04-07', 'date: 2025-02-30')
      .replace('author: DevOps\n', '');

    expect(rules(source)).toEqual([
      [1, 'error', 'required-field'],
      [3, 'error', 'date'],
      [4, 'error', 'severity'],
      [7, 'error', 'status'],
    ]);
  });

  it('takes a timestamp as the date, and says once about a date written in another form', () => {
    const stamped = GOOD.replace('date: 2025-04-07', 'date: 2025-04-07T23:50:00Z');
    const quoted = GOOD.replace('date: 2025-04-07', 'date: "2025-04-07 23:50:00+02:00"');
    const european = GOOD.replace('date: 2025-04-07', 'date: 14/03/2025');
    const impossible = GOOD.replace('date: 2025-04-07', 'date: 2025-02-30T10:00:00Z');

    expect(rules(stamped)).toEqual([]);
    expect(rules(quoted)).toEqual([]);
    expect(rules(european)).toEqual([[3, 'error', 'front-matter']]);
    expect(rules(impossible)).toEqual([[3, 'error', 'date']]);
  });

  it('says once that the front matter is missing, and nothing about its fields when it is not valid YAML', () => {
    const body = GOOD.slice(GOOD.indexOf('\n---\n', 4) + 5);
    const broken = GOOD.replace('title: "2025-04-07 - Cache bug"', 'title: [unclosed');

    const missing = lintFiles([{ path: 'a.md', source: body }], OPTIONS, new Set(['runbook-api']))[0]!.problems;

    expect(missing.map((p) => [p.line, p.rule, p.message])).toEqual([
      [
        1,
        'required-field',
        expect.stringMatching(/^No front matter; start the file with a --- block holding title, date/),
      ],
    ]);
    expect(rules(broken).filter(([, , rule]) => rule === 'required-field')).toEqual([]);
    expect(rules(broken)).toContainEqual([expect.any(Number), 'error', 'front-matter']);
  });

  it('reports an unreadable date on its line, and items without owner or due date once per file with the count', () => {
    const source = GOOD.replace(
      '| P1 | Add alert | SRE | 2025-04-14 |',
      '| P1 | Add alert |  | 04/05/2025 |\n| P2 | Other | x | |\n| P3 | Third | x | 2025-04-15 |',
    );

    const problems = lintFiles([{ path: 'a.md', source }], OPTIONS, new Set(['runbook-api']))[0]!.problems;

    expect(problems.map((p) => [p.line, p.severity, p.rule])).toEqual([
      [25, 'error', 'due-date'],
      [25, 'warning', 'action-incomplete'],
    ]);
    expect(problems[1]!.message).toMatch(
      /^2 action items have no owner or no due date \(lines 25, 26\); they go to the needs-attention list/,
    );
  });

  it('warns once about a bullet list of action items with neither owner nor due date', () => {
    const source = GOOD.replace(
      '| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P1 | Add alert | SRE | 2025-04-14 |',
      '- Better monitoring of namespaces.\n- Automate the limit ranges (@ops, due 2025-05-01)\n- Add an OOM alert (@ops)',
    );

    expect(rules(source)).toEqual([[23, 'warning', 'action-incomplete']]);
  });

  it('reports timeline rows out of order', () => {
    expect(rules(GOOD.replace('| 00:10 | Fixed |', '| 23:10 | Fixed |'))).toEqual([[19, 'error', 'timeline-order']]);
  });

  it('warns about wiki links to notes that do not exist', () => {
    expect(rules(GOOD, [])).toEqual([[29, 'warning', 'dangling-link']]);
  });

  it('reports two files for the same incident', () => {
    const reports = lintFiles(
      [
        { path: 'a.md', source: GOOD },
        { path: 'b.md', source: GOOD },
      ],
      OPTIONS,
      new Set(['runbook-api']),
    );

    expect(reports[1]!.problems.map((p) => p.rule)).toEqual(['duplicate-incident']);
    expect(reports[1]!.problems[0]!.message).toContain('a.md');
  });

  it('reports a file it cannot read as an error for that file', () => {
    const reports = lintFiles([{ path: 'gone.md', source: null, readError: 'ENOENT' }], OPTIONS, new Set());

    expect(reports[0]!.problems).toEqual([expect.objectContaining({ severity: 'error', rule: 'read' })]);
  });

  it('reports no errors on the seed vault', () => {
    const files = readdirSync(VAULT_RCAS).map((name) => join(VAULT_RCAS, name));
    const notes = new Set(files.map(noteName));

    const reports = lintFiles(
      files.map((path) => ({ path, source: readFileSync(path, 'utf8') })),
      { ...OPTIONS, severities: ['P1', 'P2', 'P3'] },
      notes,
    );

    expect(reports.flatMap((r) => r.problems).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
