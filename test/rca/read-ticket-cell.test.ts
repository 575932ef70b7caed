import { expect, it } from 'vitest';
import { readTicketCell } from '#rca/read-ticket-cell.ts';

const table = [
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

it('reads a ticket from a Ticket/Issue/Bug column or from an ABC-123 or issue link in the text', () => {
  expect(readTicketCell(table, 5)).toBe('OPS-7');
  expect(readTicketCell(table, 6)).toBeNull();
  expect(readTicketCell(table, 7)).toBe('https://github.com/acme/ops/issues/3');
  expect(readTicketCell(table, 8)).toBe('PAY-31');
  expect(readTicketCell(table, 9)).toBe('https://github.com/acme/ops/issues/12');
  expect(readTicketCell(table, 11)).toBeNull();
  expect(readTicketCell(table, 12)).toBe('ENG-4');
});
