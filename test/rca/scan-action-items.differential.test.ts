import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';

/** Hand-written RCAs, the way teams write them: the fast scanner must read them as unified does. */
const word = fc.constantFrom(
  'alert',
  'runbook',
  'P1',
  'p2',
  '@ana',
  'Ops Team',
  'due',
  'TBD',
  '2025-04-14',
  'Apr 3, 2025',
  '04/05/2025',
  '`a | b`',
  '\\|',
  '**bold**',
  '~~old~~',
  'done',
  '✅',
  '[x]',
  '<br>',
  '&amp;',
  '[link](http://x.y)',
  '[[wiki]]',
  '#',
  '🔥',
);
const cellText = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));
const header = fc.constantFrom(
  'Action',
  'Action Item',
  'Task',
  'Owner',
  'Who',
  'Assignee',
  'Due',
  'Due Date',
  'Deadline',
  'Priority',
  'Status',
  'Bug #',
  'Ticket',
  'Type',
  'Notes',
);

const table = fc
  .uniqueArray(header, { minLength: 1, maxLength: 6 })
  .chain((headers) =>
    fc
      .array(fc.array(cellText, { minLength: headers.length, maxLength: headers.length }), { maxLength: 5 })
      .map((rows) =>
        [
          `| ${headers.join(' | ')} |`,
          `|${headers.map(() => '---').join('|')}|`,
          ...rows.map((r) => `| ${r.join(' | ')} |`),
        ].join('\n'),
      ),
  );
const taskList = fc
  .array(
    fc.tuple(
      fc.constantFrom('- ', '* ', '1. ', '  - '),
      fc.constantFrom('[ ] ', '[x] ', '[X] ', ''),
      cellText,
      fc.constantFrom('', ' (@bob, due 2025-05-01)', ' (P1, @team, due May 2, 2025)', ' (due TBD)'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((items) => items.map(([m, box, text, meta]) => `${m}${box}${text || 'x'}${meta}`).join('\n'));
const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom(
      'Action Items',
      'Follow-ups',
      'Timeline',
      'Summary',
      'Lessons',
      'Action Items & Followups',
      'Next steps',
    ),
  )
  .map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const fenced = fc.tuple(table, fc.constantFrom('```', '~~~', '````')).map(([t, f]) => `${f}\n# Pod status\n${t}\n${f}`);
const paragraph = cellText.map((t) => t || 'Some text.');
const setext = fc.constantFrom('Action Items\n============', 'Follow-ups\n----------', 'Summary\n---');
const block = fc.oneof(
  heading,
  table,
  taskList,
  fenced,
  paragraph,
  setext,
  fc.constant('---'),
  fc.constant('> quoted'),
);

const document = fc
  .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 12 }))
  .map(([front, blocks]) => `${front ? '---\ntitle: "Gen"\ndate: 2025-04-07\n---\n\n' : ''}${blocks.join('\n\n')}\n`);

describe('scanActionItems against parseRca', () => {
  it('gives the same action items and due-date warnings on thousands of generated files', () => {
    let withItems = 0;
    fc.assert(
      fc.property(document, (source) => {
        const full = parseRca(source);

        const fast = scanActionItems(source);

        expect(fast.actionItems).toEqual(full.actionItems);
        if (full.actionItems.length > 0) withItems += 1;
        expect(fast.problems.filter((p) => p.rule === 'due-date')).toEqual(
          full.problems.filter((p) => p.rule === 'due-date'),
        );
      }),
      { numRuns: 3000 },
    );

    expect(withItems).toBeGreaterThan(300);
  });
});
