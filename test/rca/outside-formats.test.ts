import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { parseRca } from '#rca/parse-rca.ts';
import type { ParsedActionItem } from '#rca/rca-document.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';
import { git, tempDir } from '../helpers/git-repos.ts';
import { runScribe } from '../helpers/run-scribe.ts';

/**
 * Postmortems written the way other teams write them (Google SRE book, PagerDuty, Atlassian, GitLab,
 * narrative reviews, Google Docs and Confluence exports), none of them from the corpus the readers
 * were built against; test/fixtures/outside-formats/README.md says what each one tries. What a person
 * reading each file would call its action items is written out here by hand.
 */
const DIR = join(PROJECT_ROOT, 'test/fixtures/outside-formats');

type Expected = [
  line: number,
  action: string,
  owner: string | null,
  due: string | null,
  done: boolean,
  priority?: string | null,
  ticket?: string,
];

const EXPECTED: Record<string, Expected[]> = {
  '01-sre-book-table.md': [
    [25, 'Update playbook with instructions for responding to cascading failure', 'jennifer', null, true],
    [
      26,
      'Use flux capacitor to balance load between clusters',
      'martym',
      null,
      false,
      null,
      'https://bugs.example.com/5554823',
    ],
    [27, 'Schedule cascading failure test during next DiRT', 'docbrown', null, false],
    [
      28,
      'Investigate running index MR/fusion continuously',
      'jennifer',
      null,
      false,
      null,
      'https://bugs.example.com/5554824',
    ],
    [
      29,
      'Plug file descriptor leak in search ranking subsystem',
      'agoogler',
      null,
      true,
      null,
      'https://bugs.example.com/5554825',
    ],
  ],
  '02-pagerduty-ticket-links.md': [
    [
      19,
      'Add a schema check for pool settings in the config pipeline',
      '@marisol',
      '2025-04-04',
      false,
      null,
      'https://example.atlassian.net/browse/CHK-412',
    ],
    [
      20,
      'Alert on pool saturation above 80%',
      '@devraj',
      '2025-03-28',
      false,
      null,
      'https://example.atlassian.net/browse/CHK-413',
    ],
    [
      21,
      'Write the runbook for pool exhaustion',
      '@marisol',
      null,
      false,
      null,
      'https://example.atlassian.net/browse/CHK-414',
    ],
  ],
  '03-atlassian-followups.md': [
    [13, "Roll back the renderer's thread-pool change", 'Hana Kobayashi', '2025-02-21', true],
    [14, 'Add p99 render latency to the release gate', 'Luis Mendes', '2025-03-07', false],
    [18, 'Load test macros with large tables before each release', 'Luis Mendes', '2025-04-30', false],
    [19, 'Document the thread pool sizing rationale in the service README', null, null, false],
  ],
  '04-gitlab-issue-links.md': [
    [
      11,
      'Add a canary for registry reads before switching storage backends',
      '@jdoe',
      '2025-05-20',
      false,
      null,
      'https://gitlab.example.com/infra/registry/-/issues/1881',
    ],
    [
      12,
      'Make the migration script idempotent',
      '@akovacs',
      '2025-05-27',
      false,
      null,
      'https://gitlab.example.com/infra/registry/-/issues/1882',
    ],
    [
      13,
      'Revert the bucket policy change',
      '@jdoe',
      '2025-05-07',
      true,
      null,
      'https://gitlab.example.com/infra/registry/-/issues/1880',
    ],
    [14, 'Review alerting thresholds for registry 5xx', '@mwright', '2025-06-03', false],
  ],
  '05-jeli-narrative-remediation.md': [
    [15, 'Split the cache writer so one stuck region cannot block the others', 'Ana Souza', '2025-05-01', false],
    // "owned by …" in prose is not read as an owner: kept, and listed as needing one.
    [16, 'Add a staleness indicator to the flag dashboard, owned by the Web Platform team', null, '2025-05-01', false],
    // "target Q3" is no date: taken off the action, warned about, and the item needs attention.
    [17, 'Practice a regional failover in the next game day', 'Kemal', null, false],
    // Struck through with a note after it: dropped, so no reminder.
    [20, '~~Page the flag team on stale cache~~ — decided against, alert exists already', null, null, true],
  ],
  '06-gdocs-bold-headings.md': [
    [15, 'Add consumer lag alerting', '@nina.w', '2025-03-20', false],
    [16, 'Auto-restart consumers that stop acking', '@omar', '2025-03-31', false],
    [17, 'Backfill missed webhook events for affected merchants', '@nina.w', null, true],
  ],
  '07-setext-headings.md': [
    [12, 'Lower the DNS TTL for the database endpoint to 30 s', '@sre-oncall', '2025-07-15', false],
    [13, 'Make the connection pool re-resolve on connection errors', '@ilse', '2025-07-31', false],
    [14, 'Add a failover drill to the quarterly calendar', '@ilse', null, false],
  ],
  '08-numbered-emoji-headings.md': [
    [18, 'Add a backlog-size alert for the indexer', '@raj', '2025-08-09', false, 'P1'],
    [19, 'Version the index schema so changes roll out gradually', '@lena', '2025-08-30', false, 'P2'],
    [20, 'Restart stuck indexer workers', '@raj', '2025-08-02', true, 'P1'],
    [24, 'Share the review in the eng all-hands', '@lena', '2025-08-15', false],
  ],
  '09-bom-crlf-table.md': [
    [11, 'Cache the JWKS document instead of fetching it per request', 'Jane Doe', '2025-09-12', true],
    [12, 'Add a timeout of 500 ms to the JWKS fetch', 'jane.doe@example.com', '2025-09-19', false],
    [13, 'Alert when `auth_jwks_fetch_seconds` p95 > 1', '<@U04ABCDE12>', '2025-09-26', false],
  ],
  '10-escaped-pipes-code.md': [
    [7, 'Fix the parser for `a | b` style log fields', '@kim', '2025-10-03', false, 'P1', 'LOG-88'],
    [8, 'Replace `grep -v foo | wc -l` check in CI with a real test', '@kim', '2025-10-10', false, 'P2', 'LOG-89'],
    [9, 'Rotate the ingestion token ~~(again)~~', '@paulo', '2025-10-24', false, 'P3', 'LOG-90'],
  ],
  // None of these is a date one can remind on: kept, due null, each warned about.
  '11-ambiguous-due-dates.md': [
    [7, 'Move the export to its own worker pool', '@fatima', null, false],
    [8, 'Add a deadline alert for the export', '@fatima', null, false],
    [9, 'Rewrite the export in streaming form', '@george', null, false],
    [10, 'Split the export per tenant', '@george', null, false],
  ],
  '12-two-line-items.md': [
    [
      5,
      "Rate limit purge requests per customer so one customer's automation cannot saturate the purge queue",
      '@wei',
      '2025-11-14',
      false,
    ],
    [7, 'Add purge queue depth to the CDN dashboard', '@anika', '2025-11-07', false],
    [9, 'Contact the customer about their purge automation', 'Account team', null, false],
  ],
  '13-status-column-emoji.md': [
    [7, 'Add a second email provider with automatic failover', 'Messaging team', '2025-06-30', false],
    [8, 'Queue outgoing mail locally when the provider is down', '@bo', '2025-05-15', true],
    [9, 'Status page template for third-party outages', '@cleo', null, false],
  ],
  '14-mixed-table-and-bullets.md': [
    [9, 'Expand broker disks to 2 TB', '@ops-storage', '2025-12-05', false],
    [10, 'Set retention to 3 days on the clickstream topic', '@ops-storage', '2025-12-01', false],
    [14, 'Tiered storage evaluation', '@marta', '2026-01-15', false, null, 'ENG-5521'],
    [15, 'Disk usage alert at 75%', '@marta', null, true],
  ],
  '15-slack-mentions-struck.md': [
    [8, '<@U02QWERTY1> renew signer keys 30 days before expiry', '<@U02QWERTY1>', '2025-03-01', false],
    [9, '<@U02ZXCVBN9|sam> add key expiry to the certificate monitor', '<@U02ZXCVBN9|sam>', '2025-03-08', false],
    [10, '~~<@U02QWERTY1> rotate the expired key~~ 2025-02-10', '<@U02QWERTY1>', null, true],
    [
      11,
      '<!subteam^S01ABCDEF|sec-eng> review key lifecycle policy',
      '<!subteam^S01ABCDEF|sec-eng>',
      '2025-04-01',
      false,
    ],
  ],
  '16-owner-first-list.md': [
    [5, 'upgrade the AMQP client to 5.x', '@liam', '2025-06-06', false],
    [6, 'add heap-usage alert for consumers', '@zoe', '2025-06-13', false],
    [7, 'publish the memory profiling guide', 'Platform team', '2025-06-30', false],
  ],
  '17-fields-in-sub-bullets.md': [
    [5, "Add jittered backoff to the billing client's retries", '@pat', '2025-04-18', false, null, 'BILL-301'],
    [9, 'Cap retries per invoice at 5', '@pat', '2025-04-25', false],
  ],
  '18-plain-label-heading.md': [
    [7, "Restore the redirects file and add it to the build's checks", '@yuki', '2025-07-16', false],
    [8, 'Add a synthetic check for the top 20 doc URLs', '@yuki', '2025-07-23', false],
  ],
  '19-obsidian-tasks-sentences.md': [
    [10, 'Alert when a nightly backup has not finished by 06:00', null, '2025-03-21', false, 'high'],
    [11, "Record each backup's size in the job's log", null, '2025-04-04', false, 'low'],
    [12, 'Re-run the two missed backups', null, null, true],
    [13, "Test a restore from last week's backup", '@ines', '2025-03-28', false, 'P2'],
    [14, 'Write down who gets paged for backups', '@ines', '2025-03-31', false],
    [15, 'Move the cron entry into the scheduler', 'J. Okafor', null, true],
  ],
};

/** The due dates each file writes that cannot be reminded on, by line: `scribe rca lint` must name each. */
const DUE_WARNINGS: Record<string, number[]> = {
  '05-jeli-narrative-remediation.md': [17],
  '11-ambiguous-due-dates.md': [7, 8, 9, 10],
};

function fields(item: ParsedActionItem) {
  return {
    line: item.line,
    action: item.action,
    owner: item.owner,
    due: item.due,
    done: item.done,
    priority: item.priority,
    ticket: item.ticket ?? null,
  };
}

function expected(rows: Expected[]) {
  return rows.map(([line, action, owner, due, done, priority = null, ticket]) => ({
    line,
    action,
    owner,
    due,
    done,
    priority,
    ticket: ticket ?? null,
  }));
}

/** The items a reminder run cannot send: not done, and no owner or no readable due date. */
function needingAttention(file: string): number[] {
  return (EXPECTED[file] ?? [])
    .filter(([, , owner, due, done]) => !done && (owner === null || due === null))
    .map(([line]) => line);
}

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();

describe('postmortems in formats from outside the corpus', () => {
  it('has an expectation for every file', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('the full parser reads the items of %s as a person would', (name) => {
    const parsed = parseRca(readFileSync(join(DIR, name), 'utf8'));

    expect(parsed.actionItems.map(fields)).toEqual(expected(EXPECTED[name]!));
    const dueWarnings = parsed.problems.filter((p) => p.rule === 'due-date').map((p) => p.line);
    expect(dueWarnings).toEqual(DUE_WARNINGS[name] ?? []);
  });

  it.each(files)('the fast scanner reads %s as the full parser does', (name) => {
    const source = readFileSync(join(DIR, name), 'utf8');

    const scanned = scanActionItems(source);
    const titleOnly = scanActionItems(source, { frontMatter: 'title' });

    expect(scanned.actionItems).toEqual(parseRca(source).actionItems);
    expect(titleOnly.actionItems).toEqual(scanned.actionItems);
  });

  it('scribe rca lint warns once per file about items that name no owner or no due date, and names each unreadable date', async () => {
    const result = await runScribe([
      'rca',
      'lint',
      '--format',
      'json',
      ...Object.keys(EXPECTED).map((n) => join(DIR, n)),
    ]);

    expect(result.stderr).not.toMatch(/\n\s+at /);
    const reports = JSON.parse(result.stdout) as {
      path: string;
      problems: { line: number; rule: string; message: string }[];
    }[];
    for (const name of Object.keys(EXPECTED)) {
      const problems = reports.find((r) => r.path.endsWith(name))?.problems ?? [];
      const incomplete = problems.filter((p) => p.rule === 'action-incomplete');
      // An unreadable due date is already an error of its own; the count is of the items that wrote none.
      const missing = needingAttention(name).filter((line) => !(DUE_WARNINGS[name] ?? []).includes(line));
      expect(incomplete.length, name).toBe(missing.length === 0 ? 0 : 1);
      if (missing.length > 0)
        expect(incomplete[0]!.message, name).toContain(
          `(line${missing.length === 1 ? '' : 's'} ${missing.join(', ')})`,
        );
      expect(
        problems.filter((p) => p.rule === 'due-date').map((p) => p.line),
        name,
      ).toEqual(DUE_WARNINGS[name] ?? []);
    }
  });

  it('scribe remind --dry-run reminds the items due and lists every incomplete one as needing attention', async () => {
    const repo = tempDir('scribe-outside-');
    mkdirSync(join(repo, 'RCAs'));
    for (const name of Object.keys(EXPECTED)) cpSync(join(DIR, name), join(repo, 'RCAs', name));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Postmortems from other teams');

    const result = await runScribe(['remind', '--dry-run', '--repo', repo, '--today', '2025-05-01', '--json']);

    expect(result.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(result.stdout) as {
      reminders: {
        owner: string;
        items: { file: string; line: number; action: string; due: string; stage: string }[];
      }[];
      needsAttention: { file: string; line: number; action: string; owner: string | null }[];
    };
    const attention = json.needsAttention.map((n) => `${n.file}:${n.line}`).sort();
    // An item with a due date but no owner is listed when a reminder would have gone out for it that day.
    const stageDays = [-7, -1, 0, 1, 8, 15, 22].map((n) =>
      new Date(Date.parse('2025-05-01T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10),
    );
    const wanted = Object.entries(EXPECTED)
      .flatMap(([name, rows]) =>
        rows
          .filter(([, , owner, due, done]) => !done && (due === null || (owner === null && stageDays.includes(due))))
          .map(([line]) => `RCAs/${name}:${line}`),
      )
      .sort();
    expect(attention).toEqual(wanted);
    const reminded = json.reminders.flatMap((r) => r.items.map((i) => [r.owner, i.file, i.line, i.stage]));
    // Due on 2025-05-01 (Ana), a day overdue (Luis); 05's line 16 is due too but names no owner.
    expect(reminded).toEqual(
      expect.arrayContaining([
        ['Ana Souza', 'RCAs/05-jeli-narrative-remediation.md', 15, 'due'],
        ['Luis Mendes', 'RCAs/03-atlassian-followups.md', 18, 'overdue-1'],
      ]),
    );
    expect(reminded).toHaveLength(2);
  });
});
