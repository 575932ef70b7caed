import { expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { ticketOf } from '#rca/ticket-of.ts';

const source = [
  '## Action Items',
  '',
  '| Action | Owner | Bug |',
  '| --- | --- | --- |',
  '| Add an alert | @ana | OPS-7 |',
  '| Drain the queue | SRE | TBD |',
  '| Page less | SRE | [acme/ops#3](https://github.com/acme/ops/issues/3) |',
  '| Rotate keys, see PAY-31 | SRE | |',
  '| Fix retries https://github.com/acme/ops/issues/12 | SRE | |',
  '',
  '- [ ] Write the runbook (@ana, due 2030-05-01)',
  '- [ ] Page less (ENG-4)',
].join('\n');

it('reads a ticket from a Ticket/Issue/Bug column, the list fields, or an ABC-123 or issue link in the text', () => {
  const tickets = parseRca(source).actionItems.map((item) => [item.line, ticketOf(item)]);

  expect(tickets).toEqual([
    [5, 'OPS-7'],
    [6, null],
    [7, 'https://github.com/acme/ops/issues/3'],
    [8, 'PAY-31'],
    [9, 'https://github.com/acme/ops/issues/12'],
    [11, null],
    [12, 'ENG-4'],
  ]);
});
