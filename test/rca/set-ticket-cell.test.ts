import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { setTicketCell } from '#rca/set-ticket-cell.ts';

const rca = (table: string) =>
  `---\ntitle: Checkout latency\n---\n# Checkout latency\n\n## Action Items\n\n${table}\n\n## Lessons\n\nNone.\n`;

const TABLE = rca(
  [
    '| Priority | Action | Owner | Due |',
    '| --- | --- | --- | --- |',
    '| P1 | Add an alert on p99 | @ana | 2030-05-01 |',
    '| P2 | Drain the queue | SRE | 2030-05-02 |',
  ].join('\n'),
);

const lineOf = (text: string, action: string) => parseRca(text).actionItems.find((i) => i.action === action)!.line;

describe('setTicketCell', () => {
  it('adds a Ticket column to a table that has none and writes the link into the item’s row only', () => {
    const result = setTicketCell(TABLE, lineOf(TABLE, 'Drain the queue'), {
      key: 'acme/ops#12',
      url: 'https://github.com/acme/ops/issues/12',
    });

    expect(result.ok).toBe(true);
    const text = (result as { text: string }).text;
    expect(text).toContain('| Priority | Action | Owner | Due | Ticket |');
    expect(text).toContain('| --- | --- | --- | --- | --- |');
    expect(text).toContain('| P1 | Add an alert on p99 | @ana | 2030-05-01 | |');
    expect(text).toContain(
      '| P2 | Drain the queue | SRE | 2030-05-02 | [acme/ops#12](https://github.com/acme/ops/issues/12) |',
    );
    expect(text.split('\n')).toHaveLength(TABLE.split('\n').length);
    expect(parseRca(text).actionItems.map((i) => [i.action, i.owner, i.due])).toEqual([
      ['Add an alert on p99', '@ana', '2030-05-01'],
      ['Drain the queue', 'SRE', '2030-05-02'],
    ]);
  });

  it('fills an existing, empty Ticket column and leaves a ticket already written alone', () => {
    const table = rca(
      [
        '| Action | Owner | Jira |',
        '|---|---|---|',
        '| Add an alert | @ana | OPS-7 |',
        '| Drain the queue | SRE | TBD |',
      ].join('\n'),
    );

    const first = setTicketCell(table, lineOf(table, 'Drain the queue'), { key: 'OPS-9', url: null });
    const second = setTicketCell((first as { text: string }).text, lineOf(table, 'Add an alert'), {
      key: 'OPS-10',
      url: null,
    });

    const text = (second as { text: string }).text;
    expect(text).toContain('| Add an alert | @ana | OPS-7 |');
    expect(text).toContain('| Drain the queue | SRE | OPS-9 |');
    expect(text).not.toContain('OPS-10');
  });

  it('puts the link after a task-list item’s text', () => {
    const list = rca('- [ ] Add an alert on p99 (@ana, due 2030-05-01)');

    const result = setTicketCell(list, lineOf(list, 'Add an alert on p99'), {
      key: 'ENG-4',
      url: 'https://linear.app/acme/issue/ENG-4',
    });

    expect((result as { text: string }).text).toContain(
      '- [ ] Add an alert on p99 (@ana, due 2030-05-01) ([ENG-4](https://linear.app/acme/issue/ENG-4))',
    );
  });

  it('escapes a pipe in the key so the row keeps its columns', () => {
    const result = setTicketCell(TABLE, lineOf(TABLE, 'Add an alert on p99'), { key: 'a|b', url: null });

    const text = (result as { text: string }).text;
    expect(parseRca(text).actionItems.map((i) => i.owner)).toEqual(['@ana', 'SRE']);
    expect(text).toContain('| a\\|b |');
  });
});
