import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';

const doc = (body: string) => `---\ntitle: "T"\ndate: 2025-04-07\n---\n\n# T\n\n${body}\n`;

describe('parseRca on what other teams write', () => {
  it('reads an action-items table with other column names and order', () => {
    const source = doc(
      [
        '## Action Items & Followups',
        '',
        '| Action Item | Type | Who | Priority | Bug # | Deadline |',
        '|---|---|---|---|---|---|',
        '| Add alert for queue depth | Prevent | @maria | P2 | BUG-12 | Apr 14, 2025 |',
        '| Write runbook | Process | Ops Team |  | | 14 April 2025 |',
      ].join('\n'),
    );

    const items = parseRca(source).actionItems;

    expect(items).toEqual([
      {
        priority: 'P2',
        action: 'Add alert for queue depth',
        owner: '@maria',
        due: '2025-04-14',
        done: false,
        line: 12,
        ticket: 'BUG-12',
      },
      {
        priority: null,
        action: 'Write runbook',
        owner: 'Ops Team',
        due: '2025-04-14',
        done: false,
        line: 13,
      },
    ]);
  });

  it('reads done from a Status column, a ticked box or strikethrough', () => {
    const source = doc(
      [
        '## Action Items',
        '',
        '| Task | Assignee | Due Date | Status |',
        '|------|----------|----------|--------|',
        '| One | a | 2025-05-01 | Done |',
        '| Two | b | 2025-05-01 | ✅ |',
        '| Three | c | 2025-05-01 | In progress |',
        '| ~~Four~~ | d | 2025-05-01 | |',
        '| Five | e | 2025-05-01 | closed |',
        '| Six | f | 2025-05-01 | [x] |',
        "| Seven | g | 2025-05-01 | Won't fix |",
        '| Eight | h | 2025-05-01 | Cancelled |',
        '| Nine | i | 2025-05-01 | 🟢 Done |',
        '| Ten | j | 2025-05-01 | 🔴 Open |',
        '| Eleven | k | 2025-05-01 | Not doing |',
        '| Twelve | l | 2025-05-01 | Doneish |',
      ].join('\n'),
    );

    const items = parseRca(source).actionItems;

    const expected = [
      ['One', true],
      ['Two', true],
      ['Three', false],
      ['Four', true],
      ['Five', true],
      ['Six', true],
      ['Seven', true],
      ['Eight', true],
      ['Nine', true],
      ['Ten', false],
      ['Eleven', true],
      ['Twelve', false],
    ];
    expect(items.map((i) => [i.action, i.done])).toEqual(expected);
    expect(scanActionItems(source).actionItems.map((i) => [i.action, i.done])).toEqual(expected);
    expect(items[2]!.status).toBe('In progress');
  });

  it('reads task lists with owner, due date and priority in parentheses', () => {
    const source = doc(
      [
        '## Follow-ups',
        '',
        '- [ ] Add alert for X (@owner, due 2025-05-01)',
        '- [x] Fix the retry loop (@bob, due May 2, 2025, P1)',
        '- [ ] Tidy up dashboards',
        '- plain bullet is not an action item',
      ].join('\n'),
    );

    const items = parseRca(source).actionItems;

    expect(items).toEqual([
      {
        priority: null,
        action: 'Add alert for X',
        owner: '@owner',
        due: '2025-05-01',
        done: false,
        line: 10,
      },
      {
        priority: 'P1',
        action: 'Fix the retry loop',
        owner: '@bob',
        due: '2025-05-02',
        done: true,
        line: 11,
      },
      { priority: null, action: 'Tidy up dashboards', owner: null, due: null, done: false, line: 12 },
    ]);
  });

  it('reads bullet and numbered lists under any action-item heading, keeping items with no owner or date', () => {
    const source = doc(
      [
        '## Next steps',
        '',
        '- Better monitoring of namespaces.',
        '- Add alert for queue depth (@maria, due 2025-05-01, P1)',
        '  - the details of an item are not items',
        '',
        '### Corrective actions',
        '',
        '1. [P2] OPS-12: Rotate the deploy keys — Ana Lopez, by Apr 14, 2025',
        '2. ~~Raise the pool size~~ (<@U0123ABC>)',
        '3. Write the runbook ✅',
      ].join('\n'),
    );

    const items = parseRca(source).actionItems;

    expect(items).toEqual([
      { priority: null, action: 'Better monitoring of namespaces.', owner: null, due: null, done: false, line: 10 },
      {
        priority: 'P1',
        action: 'Add alert for queue depth',
        owner: '@maria',
        due: '2025-05-01',
        done: false,
        line: 11,
      },
      {
        priority: 'P2',
        action: 'Rotate the deploy keys',
        owner: 'Ana Lopez',
        due: '2025-04-14',
        done: false,
        line: 16,
        ticket: 'OPS-12',
      },
      { priority: null, action: 'Raise the pool size', owner: '<@U0123ABC>', due: null, done: true, line: 17 },
      { priority: null, action: 'Write the runbook', owner: null, due: null, done: true, line: 18 },
    ]);
    expect(scanActionItems(source).actionItems).toEqual(items);
  });

  it('takes owner, due date, priority, done and ticket from wherever teams write them, and leaves the rest', () => {
    const read = (text: string) => {
      const { line: _line, ...item } = parseRca(`## Action Items\n\n- ${text}\n`).actionItems[0]!;
      return item;
    };

    expect(read('Add alert, owner: Ana. Due: 2025-05-01.')).toMatchObject({
      action: 'Add alert',
      owner: 'Ana',
      due: '2025-05-01',
    });
    expect(read('Add alert (SRE team) (2025-05-01)')).toMatchObject({ owner: 'SRE team', due: '2025-05-01' });
    expect(read('Ask @ana to rotate the keys')).toMatchObject({ action: 'Ask @ana to rotate the keys', owner: '@ana' });
    expect(read('Add relay health check (alice@example.com, due 2026-12-10)')).toMatchObject({
      action: 'Add relay health check',
      owner: 'alice@example.com',
      due: '2026-12-10',
    });
    expect(read('Rotate the keys (@acme/sre, due 2025-05-01)')).toMatchObject({
      action: 'Rotate the keys',
      owner: '@acme/sre',
    });
    expect(read('DONE: rotate keys [high]')).toMatchObject({ action: 'rotate keys', done: true, priority: 'high' });
    expect(read('Add retries [OPS-44](https://jira.example/OPS-44)')).toMatchObject({
      action: 'Add retries',
      ticket: 'https://jira.example/OPS-44',
    });
    expect(read('Fix the crash due to a bug')).toEqual({
      priority: null,
      action: 'Fix the crash due to a bug',
      owner: null,
      due: null,
      done: false,
    });
    expect(read('Migrate to UTF-8 (optional)')).toMatchObject({ action: 'Migrate to UTF-8 (optional)', owner: null });
  });

  it('reads the due-date phrasings teams write: due on, due by, deadline, ETA, target date, in both readers', () => {
    const items = [
      'Ship the fix @a due on 2026-12-10',
      'Ship the fix @a, deadline 2026-12-10',
      'Ship the fix @a, ETA 2026-12-10',
      'Ship the fix @a, target date 2026-12-10',
      'Ship the fix (@a, due by 2026-12-10)',
      'Ship the fix (@a, deadline: 2026-12-10)',
      'Ship the fix (@a, due date: 2026-12-10)',
    ];
    const file = doc(`## Action Items

${items.map((i) => `- [ ] ${i}`).join('\n')}`);
    for (const read of [parseRca(file).actionItems, scanActionItems(file).actionItems])
      expect(read.map(({ action, owner, due }) => ({ action, owner, due }))).toEqual(
        items.map(() => ({ action: 'Ship the fix', owner: '@a', due: '2026-12-10' })),
      );
  });

  it('takes the new date of a moved one, whose old date is struck through, in both readers', () => {
    const file = doc(
      [
        '## Action Items',
        '',
        '| Action | Owner | Due |',
        '|---|---|---|',
        '| Moved | @a | ~~2026-11-30~~ 2026-12-10 |',
        '| Struck only | @b | ~~2026-11-30~~ |',
        '| Moved twice | @c | ~~2026-11-01~~ ~~2026-11-30~~ **2026-12-20** |',
      ].join('\n'),
    );
    for (const read of [parseRca(file).actionItems, scanActionItems(file).actionItems])
      expect(read.map((i) => [i.action, i.due])).toEqual([
        ['Moved', '2026-12-10'],
        ['Struck only', '2026-11-30'],
        ['Moved twice', '2026-12-20'],
      ]);
  });

  it('keeps plain bullets as notes in a section that uses checkboxes', () => {
    const source = doc('## Follow-ups\n\nDuring the incident:\n- restarted the pods\n\n- [ ] Add an alert (@ops)\n');

    expect(parseRca(source).actionItems.map((i) => i.action)).toEqual(['Add an alert']);
    expect(scanActionItems(source).actionItems).toEqual(parseRca(source).actionItems);
  });

  it('reads the action-item headings it is given', () => {
    const source = doc('## Improvements\n\n- Add an alert\n\n## Action Items\n\n- Not this one\n');
    const options = { actionItemHeadings: ['Improvements'] };

    expect(parseRca(source, options).actionItems.map((i) => i.action)).toEqual(['Add an alert']);
    expect(scanActionItems(source, options).actionItems).toEqual(parseRca(source, options).actionItems);
  });

  it('never guesses a date: TBD, empty and ambiguous give null, and the unreadable ones a warning naming the cell', () => {
    const source = doc(
      [
        '## Action Items',
        '',
        '| Action | Owner | Due |',
        '|---|---|---|',
        '| A | x | TBD |',
        '| B | x | |',
        '| C | x | 04/05/2025 |',
        '| D | x | 2025-02-30 |',
        '| E | x | 13/05/2025 |',
      ].join('\n'),
    );

    const parsed = parseRca(source);

    expect(parsed.actionItems.map((i) => i.due)).toEqual([null, null, null, null, '2025-05-13']);
    expect(parsed.problems.map((p) => [p.line, p.severity, p.rule])).toEqual([
      [14, 'warning', 'due-date'],
      [15, 'warning', 'due-date'],
    ]);
    expect(parsed.problems[0]!.message).toContain('"04/05/2025"');
  });

  it('does not take headings inside fenced code for sections', () => {
    const source = doc(
      ['## Details', '', '```yaml', '# Pod status', 'ready: false', '```', '', '## Action Items   ', ''].join('\n'),
    );

    const headings = parseRca(source).sections.map((s) => s.heading);

    expect(headings).toEqual(['T', 'Details', 'Action Items']);
  });

  it("skips a template's example rows kept in an HTML comment, in both readers", () => {
    const source = doc(
      [
        '## Action Items',
        '<!-- Example:',
        '| Action | Owner | Due |',
        '|---|---|---|',
        '| Add an alert | @ana | 2025-04-14 |',
        '- [ ] Write the runbook (@bob, due 2025-04-20)',
        '-->',
        '| Action | Owner | Due |',
        '|---|---|---|',
        '| Rotate the keys | @eve | 2025-05-02 |',
      ].join('\n'),
    );

    const actions = (items: { action: string }[]) => items.map((item) => item.action);

    expect(actions(parseRca(source).actionItems)).toEqual(['Rotate the keys']);
    expect(actions(scanActionItems(source).actionItems)).toEqual(['Rotate the keys']);
  });

  it('warns, in both readers, about an Action Items table with no action column instead of skipping it silently', () => {
    const source = doc(
      ['## Action Items', '', '| Fix | Who |', '|---|---|', '| Add alert | @ana |', '| Runbook | @bob |'].join('\n'),
    );

    const expected = [
      {
        line: 10,
        column: 1,
        severity: 'warning',
        message: expect.stringContaining('its 2 rows are not read as action items; name the column "Action"'),
        rule: 'action-columns',
      },
    ];

    expect(parseRca(source).problems).toEqual(expected);
    expect(scanActionItems(source).problems).toEqual(expected);
  });

  it('reads a file with no front matter and takes the first heading for its title', () => {
    const parsed = parseRca('# Outage of the API\n\n## Action Items\n\n- [ ] Add a canary (@ops, due 2025-01-02)\n');

    expect(parsed.frontMatter).toEqual({});
    expect(parsed.title).toBe('Outage of the API');
    expect(parsed.actionItems[0]!.line).toBe(5);
  });

  it('reports broken front matter as an error and still reads the body', () => {
    const parsed = parseRca('---\ntitle: [unclosed\n---\n\n## Action Items\n\n- [ ] Do it (@a, due 2025-01-02)\n');

    expect(parsed.problems[0]).toMatchObject({ severity: 'error', rule: 'front-matter' });
    expect(parsed.actionItems).toHaveLength(1);
  });

  it('reads a timeline written as a list', () => {
    const parsed = parseRca(doc('## Timeline\n\n- 16:47 - Alert fired\n- **16:50** On-call paged\n'));

    expect(parsed.timeline.map(({ time, event }) => ({ time, event }))).toEqual([
      { time: '16:47', event: 'Alert fired' },
      { time: '16:50', event: 'On-call paged' },
    ]);
  });

  it('finds wiki links and markdown links with their lines', () => {
    const parsed = parseRca(
      doc('## Related Incidents\n\n- [[2025-04-07-cache|Cache bug]]\n- [Dashboard](https://grafana.example/d/1)\n'),
    );

    expect(parsed.links).toEqual([
      { kind: 'wiki', target: '2025-04-07-cache', label: 'Cache bug', line: 10 },
      { kind: 'markdown', target: 'https://grafana.example/d/1', label: 'Dashboard', line: 11 },
    ]);
  });

  it('keeps pipes escaped inside code spans in one cell, as GFM does', () => {
    const source = doc(
      '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Run `a \\| b` | ops | 2025-01-02 |\n',
    );

    expect(parseRca(source).actionItems[0]!.action).toBe('Run `a | b`');
    expect(scanActionItems(source).actionItems).toEqual(parseRca(source).actionItems);
  });
});
