import { describe, expect, it } from 'vitest';
import { markActionItemDone } from '#rca/mark-done.ts';
import { parseRca } from '#rca/parse-rca.ts';

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
});
