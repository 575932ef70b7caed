import { describe, expect, it } from 'vitest';
import type { RcaDraft } from '#rca/rca-draft.ts';
import { renderRca } from '#rca/render-rca.ts';
import { updateRca } from '#rca/update-rca.ts';
import { RCA_TEMPLATE } from '../helpers/template.ts';

const DRAFT: RcaDraft = {
  title: '2025-04-07 - Cache bug',
  date: '2025-04-07',
  severity: 'P3',
  services: ['api'],
  tags: ['rca'],
  status: 'resolved',
  durationMinutes: 56,
  author: 'DevOps',
  preparedOn: '2025-04-10',
  summary: 'Summary.',
  rootCause: '',
  impact: '',
  customerImpact: '',
  resolution: '',
  wentWell: '',
  toImprove: '',
  timeline: [{ time: '16:47', event: 'Alert fired' }],
  actionItems: [{ priority: 'P1', action: 'Add an alert', owner: 'SRE', due: '2025-04-14', done: false }],
  related: [],
  diagram: false,
};

const ROW = '| P2 | Rotate the keys | Ops | 2025-04-21 |';

describe('updateRca', () => {
  it('adds the bot’s new rows to the real table, not to an example kept in an HTML comment', () => {
    const existing = renderRca(DRAFT, RCA_TEMPLATE).replace(
      '## Action Items\n',
      '## Action Items\n\n<!-- Example:\n| Priority | Action | Owner | Due Date |\n|---|---|---|---|\n| P9 | Example | x | 2000-01-01 |\n-->\n',
    );
    const draft = {
      ...DRAFT,
      actionItems: [
        ...DRAFT.actionItems,
        { priority: 'P2', action: 'Rotate the keys', owner: 'Ops', due: '2025-04-21', done: false },
      ],
    };

    const result = updateRca(existing, draft, RCA_TEMPLATE);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.text.split('\n');
    const example = lines.indexOf('| P9 | Example | x | 2000-01-01 |');
    expect(lines[example + 1]).toBe('-->');
    expect(lines.indexOf(ROW)).toBeGreaterThan(example);
    expect(lines[lines.indexOf(ROW) - 1]).toContain('Add an alert');
  });
});
