import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';

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
  '**DONE**',
  'TODO',
  'n/a',
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
/** How teams write an item's owner, due date, priority, ticket and done mark around its text. */
const prefix = fc.constantFrom(
  '',
  '',
  '[P1] ',
  'P2: ',
  'OPS-12: ',
  '✅ ',
  'DONE: ',
  '[high] ',
  '[OPS-7](https://jira.example/OPS-7) ',
  '**@liam**: ',
  '**Platform team**: ',
  '<@U0123ABC>: ',
);
const meta = fc.constantFrom(
  '',
  '',
  ' (@bob, due 2025-05-01)',
  ' (P1, @team, due May 2, 2025)',
  ' (due TBD)',
  ' (due someday)',
  ' — Ana Lopez, by 2025-05-01',
  ' — @ana',
  ', owner: Ana. Due: 2025-05-01.',
  ' (SRE team) (2025-05-01)',
  ' <@U0123ABC> by 14 April 2025',
  ' [P1]',
  ' ✅',
  ' - DONE',
  ' [OPS-44](https://jira.example/OPS-44)',
  ' (optional)',
  ' - @nina - 2025-03-20',
  ' - @omar - done',
  ' — Owner: Hana Kobayashi — due 2025-02-21 ✅',
  ' (@mwright, 2025-06-03)',
  ' @george due Q3',
  ' (owner: Kemal, target Q3)',
  ' by next sprint',
  ' — decided against',
  ' ⏫ 📅 2025-03-21',
  ' ✅ 2025-03-11',
  '. Owner: @ines. Due: 2025-03-28. Priority: P2.',
  '; owner @ines; due 2025-03-31',
  ', owner: J. Okafor :white_check_mark:',
  ' @ana due May 1',
  ' (owner: Kemal, by Sept 30th)',
);
const itemText = fc
  .tuple(prefix, cellText, fc.boolean(), meta)
  .map(([pre, text, struck, post]) => `${pre}${struck ? `~~${text || 'x'}~~` : text || 'x'}${post}`);
/** What may follow an item's first line: more of its paragraph, lazily or not, details, or other blocks. */
const itemTail = fc.constantFrom(
  '',
  '',
  '',
  '\n  more of the item',
  '\nlazy continuation',
  '\n  - a detail\n  - another',
  '\n\n  A second paragraph.',
  '\n  ===',
  '\n  ---',
  '\n  | Action |\n  |---|',
  '\n      indented',
  '\n  - Owner: @pat\n  - Due: 2025-04-18',
  '\n   * Status: Done\n   * Ticket: OPS-9',
  '\n  - Due date: next sprint',
  '\n\n  - Owner: @late',
  '\n    - Owner: @deep\n  - a detail',
);
const taskList = fc
  .array(
    fc.tuple(
      fc.constantFrom('- ', '* ', '1. ', '  - '),
      fc.constantFrom('[ ] ', '[x] ', '[X] ', ''),
      itemText,
      itemTail,
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((items) => items.map(([m, box, text, tail]) => `${m}${box}${text}${tail}`).join('\n'));
/** Bullet and numbered lists with no checkboxes, as most postmortems write their action items. */
const plainList = fc
  .tuple(
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '-   ', '1.  '),
    fc.array(
      fc.tuple(fc.constantFrom('', '', '', '- ', '1. ', '     ', '> ', '```', '<b>', '# '), itemText, itemTail),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
    fc.boolean(),
  )
  .map(([marker, items, loose]) =>
    items
      .map(([lead, text, tail], n) => `${marker.replace(/^\d/, String(n + 1))}${lead}${text}${tail}`)
      .join(loose ? '\n\n' : '\n'),
  );
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
      'Remediation',
      'Immediate Actions (Completed)',
      'TODO',
      // Confluence and Google Docs exports write character references and strikethrough into headings.
      'Next&nbsp;steps',
      'Next&#32;steps',
      'Follow&#45;ups',
      'Remedi&#97;tion',
      'Next ~~s~~teps',
      'Action ~Items~',
      'Next \\&#32;steps',
      'Follow&bogus;ups',
      '`Next&#32;steps`',
      'Next ~~~s~~~teps',
    ),
  )
  .map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const fenced = fc.tuple(table, fc.constantFrom('```', '~~~', '````')).map(([t, f]) => `${f}\n# Pod status\n${t}\n${f}`);
const paragraph = cellText.map((t) => t || 'Some text.');
/** Headings as Google Docs and Confluence exports write them: a bold line of its own. */
const boldHeading = fc.constantFrom(
  '**Action items**',
  '**Summary**',
  '__Follow-ups:__',
  '**Next steps**:',
  '   **Remediation**',
  '**Action items** for later',
  '**Timeline**',
);
/** Plain label lines, as plain-text postmortems write a heading: only one naming the action items heads a section. */
const labelHeading = fc.constantFrom(
  'Action Items:',
  'Next steps:',
  'See the timeline:',
  'Notes:',
  '  Follow-ups:',
  'TODO:',
  'The on-call took these actions:',
  'Remediation steps taken during the outage:',
);
const setext = fc.constantFrom('Action Items\n============', 'Follow-ups\n----------', 'Summary\n---');
const commented = fc
  .tuple(fc.oneof(table, taskList), fc.constantFrom(['<!--', '-->'], ['<!-- Example rows:', '-->'], ['<div>', '']))
  .map(([inner, [open, close]]) => `${open}\n${inner}${close ? `\n${close}` : ''}`);
const details = taskList.map((t) => `<details>\n<summary>More</summary>\n\n${t}\n\n</details>`);
const quoted = fc.oneof(taskList, plainList, table).map((inner) => inner.replace(/^/gm, '> '));
const nested = fc
  .tuple(
    fc.constantFrom('- parent', '1. parent', '* [ ] parent task'),
    fc.oneof(taskList, plainList, table),
    fc.boolean(),
  )
  .map(([parent, inner, loose]) => `${parent}\n${loose ? '\n' : ''}${inner.replace(/^/gm, '  ')}`);
const oddOrdered = taskList.map((t) => t.replace(/^1\. /gm, '2. '));
const indentedCode = fc.oneof(taskList, plainList).map((t) => t.replace(/^/gm, '    '));
const block = fc.oneof(
  quoted,
  nested,
  oddOrdered,
  indentedCode,
  heading,
  table,
  taskList,
  plainList,
  plainList,
  fenced,
  commented,
  details,
  paragraph,
  setext,
  boldHeading,
  boldHeading,
  labelHeading,
  labelHeading,
  fc.constant('---'),
  fc.constant('> quoted'),
);

// Blocks usually sit between blank lines; sometimes a team writes them tight, one under the other.
const separated = fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 12 });
const document = fc
  .tuple(fc.boolean(), separated)
  .map(
    ([front, blocks]) =>
      `${front ? '---\ntitle: "Gen"\ndate: 2025-04-07\n---\n\n' : ''}${blocks.map(([b, sep]) => b + sep).join('')}`,
  );

describe('scanActionItems against parseRca', () => {
  it.each([
    [
      'a list item that is only a tag opens an HTML block holding the nested task',
      '## Action Items\n\n- <br>\n  - [ ] x\n\nSome text.\n',
    ],
    ['the HTML block ends with its list item', '## Action Items\n\n1. <br>\n  - [ ] x\n'],
    ['a commented-out task is not an action item', '## Action Items\n\n<!--\n- [ ] x\n-->\n- [ ] y\n'],
    ['a block tag runs to the blank line', '## Action Items\n\n<div>\n- [ ] x\n\n- [ ] y\n'],
    ['a lone tag cannot interrupt a paragraph', '## Action Items\n\ntext\n<br>\n- [ ] y\n'],
    ['an HTML block inside a list item', '## Action Items\n\n- a\n\n  <br>\n  - [ ] x\n- [ ] z\n'],
    [
      'a closing block tag ends a task item',
      '## Action Items\n\n<details>\n<summary>x</summary>\n\n- [ ] y\n</details>\n',
    ],
    ['a commented-out heading hides nothing', '<!--\n## Action Items\n-->\n\n- [ ] y\n'],
    ['a table right under its heading', '## Action Items\n| Action | Owner |\n|---|---|\n| a | b |\n'],
    ['a table under a line of text', '## Action Items\nIntro:\n| Action | Owner |\n|---|---|\n| a | b |\n'],
    ['a list item ends a table', '## Action Items\n\n| Action |\n|---|\n| a |\n- [ ] x\n'],
    ['a block tag ends a table', '## Action Items\n\n| Action |\n|---|\n| a |\n<div>\n| c |\n'],
    ['indented code ends a table', '## Action Items\n\n| Action |\n|---|\n| a |\n    code\n| c |\n'],
    ['a delimiter row needs a pipe', '## Action Items\n\n\\|\n---\n\n- [ ] x\n'],
    ['indented code is not a task', '## Action Items\n\n    - [ ] code\n'],
    ['a fence opened in a list item', '## Action Items\n\n- ```\n  - [ ] in code\n  ```\n- [ ] after\n'],
    ['a multi-line setext heading', 'Some text.\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a setext heading right after a rule', '---\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a lazy line in a quote cannot be underlined', '> quoted\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a lazy lone tag in a quote', '> quoted\n<br>\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a lazy lone tag after a task', '## Action Items\n\n- [ ] x\n<br>\n'],
    ['a heading in a list item opens no paragraph', '- #\nAction Items\n============\n\n- [ ] x\n'],
    ['no table from a lazy line', '## Action Items\n\n- x\n<br> alert\n| Action |\n|---|\n| alert |\n'],
    ['a table in a task item ends its text', 'Follow-ups\n---\n\n* [ ] parent task\n  | Action |\n  |---|\n'],
    ['a quote ending in a table takes no lazy line', '> | Action |\n> |---|\nFollow-ups\n----------\n\n- [ ] x\n'],
    [
      'no table right after a quote’s table',
      '## Action Items\n\n> | Action |\n> |---|\n| Action |\n|---|\n| alert |\n',
    ],
    ['but one right after a quote’s heading', '## Action Items\n\n> - #\n| Action |\n|---|\n| alert |\n'],
    ['a marker four columns past its list is text', '## Action Items\n\n1. parent\n  1. [ ] x\n    - [ ] x\n'],
    ['an ordered list from 2 cannot interrupt a paragraph', '## Action Items\n\ntext\n2. [ ] x\n'],
    ['nor, in micromark, follow indented code', '## Action Items\n\n    code\n\n2. [ ] x\n- [ ] y\n'],
    ['but it may follow a quote', '## Action Items\n\n> quoted\n2. [ ] x\n- [ ] y\n'],
    [
      'a table inside a list item is skipped whole',
      '## Action Items\n\n- parent\n  | Action |\n  |---|\n| Action |\n|---|\n| alert |\n',
    ],
    ['indented code closes the list', '## Action Items\n\n1. parent\n  1. [ ] x\n\n    - [ ] y\n      - [ ] z\n'],
    [
      'no table from a lazy line in a quoted list item',
      '> - [ ] x\n> | Action |\n> |---|\nFollow-ups\n----------\n\n- [ ] y\n',
    ],
    ['a lazy deep line, then an underline', '## Action Items\n\nSome text.\n    - [ ] x\n---\n\n- [ ] x\n'],
    ['plain bullets are action items', '## Action Items\n\n- Better monitoring\n- Add alert (@ana, due 2025-05-01)\n'],
    ['a rule in a nested item ends its text', '## Action Items\n\n- parent\n  1. [ ] x\n    ---\n  - [ ] x\n'],
    ['a table in a deeper item ends a task', '## Action Items\n\n- x\n\n    - [ ] x\n      | Action |\n      |---|\n'],
    [
      'an item opening with indented code',
      '# Action Items\n\n-      x\nAction Items\n============\n\n- parent\n  - [ ] x\n',
    ],
    ['a list from 2 goes on after code that ended a list', 'Follow-ups\n---\n\n1. parent\n  1) # x\n    ---\n  2) x\n'],
    ['an item in a quote ends at an underline', '> - x\n>   ---\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a lazy === in a quoted item is text', '## Action Items\n\n> 1. [ ] x\n>   ===\n| Action |\n|---|\n| alert |\n'],
    ['an underline in a nested item', '- parent\n  - [ ] x\n    ===\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['the heading after an underlined item', 'Follow-ups\n---\n\n- x\n  ===\nAction Items\n============\n\n- [ ] y\n'],
    [
      'a rule under a nested heading item',
      '# Action Items\n\n- parent\n  - # x\n    ---\nAction Items\n============\n\n- [ ] x\n',
    ],
    [
      'a table in a deeply nested item',
      '- parent\n  - [ ] x\n\n    - [ ] x\n      | Action |\n      |---|\nFollow-ups\n---\n\n- [ ] y\n',
    ],
    ['a quote opening a list item', '## Action Items\n\n- > #\n| Action |\n|---|\n| alert |\n'],
    ['a list after a quote in a list item', 'Follow-ups\n---\n\n- > x\n    - [ ] x\n\n- parent\n  - [ ] y\n'],
    ['two lists opened on one line', '## Action Items\n\n- - x\n\n      - [ ] x\n\n- [ ] y\n'],
    ['no checkbox in a list opened on its parent’s line', '## Action Items\n\n- - [ ] x\n- 1. y\n'],
    [
      'a lazy === after a quote in a quoted item',
      '> - > x\n>   ===\nAction Items\n============\n\n# Action Items\n\n- [ ] x\n',
    ],
    ['a fence opening a quoted list item takes no lazy line', '> - ```x\nFollow-ups\n----------\n\n- [ ] x\n'],
    ['a quoted item opening with code takes no lazy line', '# T\n\n> -      x\nAction Items\n============\n\n- x\n'],
    ['an underlined item is a heading, not an item', '## Action Items\n\n- Add alert\n  ===\n- Rotate keys\n'],
  ])('%s', (_name, source) => {
    expect(scanActionItems(source).actionItems).toEqual(parseRca(source).actionItems);
  });

  it.each([
    ['a named character reference', 'Next&nbsp;steps', 1],
    ['a character reference for a space', 'Next&#32;steps', 1],
    ['a character reference for the hyphen', 'Follow&#45;ups', 1],
    ['a character reference for a letter', 'Remedi&#97;tion', 1],
    ['strikethrough', 'Next ~~s~~teps', 1],
    ['an escaped reference, which stays as written', 'Next \\&#32;steps', 0],
    ['a reference in code, which stays as written', '`Next&#32;steps`', 0],
    ['an unknown reference name', 'Next&bogus;steps', 0],
    ['three tildes, which strike nothing', 'Next ~~~s~~~teps', 0],
  ])('reads a heading with %s as the full parse does', (_name, heading, items) => {
    const source = `# Confluence &amp; export ~~3~~\n## ${heading}\n- [ ] Add alert @a due 2026-12-10\n`;

    const fast = scanActionItems(source);
    const full = parseRca(source);

    expect(fast.actionItems).toEqual(full.actionItems);
    expect(fast.actionItems).toHaveLength(items);
    expect(fast.title).toBe(full.title);
    expect(fast.title).toBe('Confluence & export 3');
  });

  it.each([
    ['emphasis inside the heading', '## **Action** Items'],
    ['a link inside the heading', '## [Action](http://x.y/a) Items'],
    ['an escaped underscore between the words', '## Action\\_Items'],
    ['code marks and underscores', '## `Follow`_ups_'],
    ['a setext heading over two lines', 'Next\nsteps\n-----'],
    ['the long s a case-insensitive match reads as s', '## Action Item\u017f'],
    ['a named character reference', '## Next&nbsp;steps'],
    ['a decimal character reference for a space', '## Next&#32;steps'],
    ['a character reference for the hyphen', '## Follow&#45;ups'],
    ['a character reference for a letter', '## Remedi&#97;tion'],
    ['a hexadecimal character reference for a letter', '## Remedi&#x61;tion'],
    ['strikethrough inside a word', '## Next ~~s~~teps'],
    ['a single-tilde strikethrough', '## Next ~s~teps'],
  ])('a file with its title known is read in full when a heading names the section with %s', (_name, heading) => {
    const source = `---\ntitle: Outage\n---\n\n${heading}\n\n- [ ] Add an alert (@ana, due 2025-05-01)\n`;

    const fast = scanActionItems(source, { frontMatter: 'title' });

    expect(fast.actionItems).toEqual(parseRca(source).actionItems);
    expect(fast.actionItems).toHaveLength(1);
  });

  it(
    'gives the same action items, due-date and column warnings on thousands of generated files',
    () => {
      const numRuns = runs(2000);
      let withItems = 0;
      fc.assert(
        fc.property(document, (source) => {
          const full = parseRca(source);

          const fast = scanActionItems(source);

          expect(fast.actionItems).toEqual(full.actionItems);
          if (full.actionItems.length > 0) withItems += 1;
          const itemProblems = (problems: { rule: string }[]) =>
            problems.filter((p) => p.rule === 'due-date' || p.rule === 'action-columns');
          expect(itemProblems(fast.problems)).toEqual(itemProblems(full.problems));
        }),
        { numRuns },
      );

      expect(withItems).toBeGreaterThan(numRuns / 10);
    },
    PROPERTY_TIMEOUT,
  );
});
