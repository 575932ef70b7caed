import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markActionItemDone } from '#rca/mark-done.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';

const diffLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.map((line, i) => (line === y[i] ? null : i + 1)).filter((n) => n !== null);
};

describe('markActionItemDone', () => {
  it('strikes the action through when the table has no Status column, changing only that row', () => {
    const source =
      '# T\n\n## Action Items\n\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P1 | Add alert \\| pager | Ops | 2025-04-14 |\n| P2 | Update runbook | Ops | 2025-04-21 |\n';

    const result = markActionItemDone(source, (a) => a === 'Update runbook');

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(diffLines(source, result.text)).toEqual([8]);
    expect(result.text.split('\n')[7]).toBe('| P2 | ~~Update runbook~~ | Ops | 2025-04-21 |');
    expect(parseRca(result.text).actionItems.map((i) => i.done)).toEqual([false, true]);
  });

  it('writes Done into a Status column', () => {
    const source =
      '## Action Items\n\n| Task | Who | Deadline | Status |\n|---|---|---|---|\n| Fix it | ana | 2025-05-01 | In progress |\n';

    const result = markActionItemDone(source, (a) => a === 'Fix it');

    expect(result.ok && result.text.split('\n')[4]).toBe('| Fix it | ana | 2025-05-01 | Done |');
  });

  it('ticks a task-list box', () => {
    const source = '## Follow-ups\n\n- [ ] Add canary (@ops, due 2025-01-02)\n- [ ] Other (@x, due 2025-01-03)\n';

    const result = markActionItemDone(source, (a) => a === 'Other');

    expect(result.ok && result.text).toBe(
      '## Follow-ups\n\n- [ ] Add canary (@ops, due 2025-01-02)\n- [x] Other (@x, due 2025-01-03)\n',
    );
  });

  it('adds ✅ after the marker of a plain list item, changing only that line', () => {
    const source =
      '## Action Items\n\n- Better monitoring of namespaces.\n1. [P1] Add an alert (@ana, due 2025-05-01)\n';

    const result = markActionItemDone(source, (a) => a === 'Add an alert');

    expect(result.ok && result.text).toBe(
      '## Action Items\n\n- Better monitoring of namespaces.\n1. ✅ [P1] Add an alert (@ana, due 2025-05-01)\n',
    );
    expect(result.ok && parseRca(result.text).actionItems.map((i) => [i.action, i.done, i.owner])).toEqual([
      ['Better monitoring of namespaces.', false, null],
      ['Add an alert', true, '@ana'],
    ]);
  });

  it.each([
    ['a ✅ at the end', '- Rotate keys ✅', '- Add an alert\n  for X (@ana) ✅'],
    ['DONE in front', '- DONE: Rotate keys', '- DONE: Add an alert\n  for X (@ana)'],
    ['— DONE at the end', '* Rotate keys — DONE', '* Add an alert\n  for X (@ana) — DONE'],
  ])('marks a list item as the author marked the others: %s', (_style, doneItem, expected) => {
    const marker = doneItem[0];
    const source = `## Next steps\n\n${doneItem}\n${marker} Add an alert\n  for X (@ana)\n\nText after.\n`;

    const result = markActionItemDone(source, (a) => a === 'Add an alert for X');

    expect(result.ok && result.text).toBe(`## Next steps\n\n${doneItem}\n${expected}\n\nText after.\n`);
  });

  it('keeps CRLF line endings and finds items under the configured headings', () => {
    const source = '## Improvements\r\n\r\n- Add an alert\r\n';

    const result = markActionItemDone(source, (a) => a === 'Add an alert', { actionItemHeadings: ['Improvements'] });

    expect(result.ok && result.text).toBe('## Improvements\r\n\r\n- ✅ Add an alert\r\n');
    expect(markActionItemDone(source, (a) => a === 'Add an alert')).toMatchObject({ ok: false });
  });

  it('says why when the item is gone or already done', () => {
    const source = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| ~~Old~~ | a | 2025-01-01 |\n';

    expect(markActionItemDone(source, (a) => a === 'Missing')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no longer'),
    });
    expect(markActionItemDone(source, (a) => a === 'Old')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already'),
    });
  });

  /** List items as teams write them, some already done in the author's own way. */
  const item = fc
    .tuple(
      fc.constantFrom('', '', '[P1] ', 'OPS-12: ', '✅ ', 'DONE: '),
      fc.constantFrom('Add an alert', 'Rotate keys', 'Fix `retry | loop`', 'Write the **runbook**', 'Ask @ana'),
      fc.nat({ max: 99 }),
      fc.constantFrom(
        '',
        '',
        ' (@bob, due 2025-05-01)',
        ' — Ana Lopez',
        ' ✅',
        ' - DONE',
        ', owner: Ana.',
        '\n  for the API',
      ),
    )
    .map(([pre, text, n, post]) => `${pre}${text} ${n}${post}`);
  const list = fc.tuple(
    fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] '),
    fc.array(item, { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  );

  it(
    'marks any open list item done and changes no other item, in whatever style the file uses',
    () => {
      fc.assert(
        fc.property(list, fc.nat(), ([marker, texts, loose], pick) => {
          const source = `## Next steps\n\n${texts.map((t) => `${marker}${t}`).join(loose ? '\n\n' : '\n')}\n`;
          const before = parseRca(source).actionItems;
          const open = before.filter((i) => !i.done && before.filter((j) => j.action === i.action).length === 1);
          fc.pre(open.length > 0);
          const target = open[pick % open.length]!;

          const result = markActionItemDone(source, (a) => a === target.action);

          expect(result).toMatchObject({ ok: true, line: target.line });
          if (!result.ok) return;
          expect(parseRca(result.text).actionItems).toEqual(
            before.map((i) => (i === target ? { ...i, done: true } : i)),
          );
          expect(diffLines(source, result.text).length).toBe(1);
        }),
        { numRuns: runs(300) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
