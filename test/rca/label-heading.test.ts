import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';

/** What both readers take from a body: the actions, and the timeline's events (the full parser only). */
function read(body: string) {
  const parsed = parseRca(body);
  expect(scanActionItems(body).actionItems).toEqual(parsed.actionItems);
  return { actions: parsed.actionItems.map((i) => i.action), timeline: parsed.timeline.length };
}

describe('a plain label line', () => {
  it('heads an action-items section when the whole label is an action-items heading', () => {
    const body =
      'What happened: a deploy removed a file.\n\nAction Items:\n- Restore the file (@yuki, due 2025-07-16)\n';

    expect(read(body).actions).toEqual(['Restore the file']);
  });

  it('heads nothing when it is prose that mentions actions, so a timeline list stays the timeline', () => {
    const list = '- 10:02 rolled back the deploy\n- 10:05 paged the DB team\n';
    const plain = read(`## Timeline\n\n${list}`);
    const prose = read(`## Timeline\n\nThe on-call took these actions:\n\n${list}`);
    const remediation = read(`## Timeline\n\nRemediation steps taken during the outage:\n\n${list}`);

    expect(plain.actions).toEqual([]);
    expect(prose).toEqual(plain);
    expect(remediation).toEqual(plain);
  });

  it('changes nothing when it names no section: the plain bullets of a checkbox section stay notes', () => {
    const items = '## Action Items\n\n- [ ] @ana add alerting, due 2026-12-20\n\n';
    const notes = '- the dashboard link is in the runbook\n';

    const withLabel = read(`${items}Notes:\n\n${notes}`);
    const withProse = read(`${items}Some notes follow.\n\n${notes}`);

    expect(withLabel.actions).toHaveLength(1);
    expect(withLabel).toEqual(withProse);
  });
});
