import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';
import { actionItemsHeadingMatcher, DEFAULT_ACTION_ITEM_HEADINGS } from '#rca/action-item-headings.ts';

describe('action-item headings', () => {
  const isActionItems = actionItemsHeadingMatcher();

  it.each([
    'Action Items',
    'Action items',
    'Action Item',
    'Follow-ups',
    'Follow up',
    'Followups',
    'Follow-Up Actions',
    'Remediation',
    'Next steps',
    'Corrective actions',
    'Preventive actions',
    'Corrective and Preventative Measures',
    'TODO',
    'Action Items & Followups',
    'Immediate Actions (Completed)',
  ])('reads "%s" as an action-item section', (heading) => {
    expect(isActionItems(heading)).toBe(true);
  });

  it.each([
    'Summary',
    'Lessons Learned',
    'Interactions',
    'Transactions',
    'Timeline',
    'Root Cause',
    'Actions Taken During the Incident',
    'Remediation steps taken',
    'Actions performed',
    'Actions during the outage',
  ])('does not read "%s" as one', (heading) => {
    expect(isActionItems(heading)).toBe(false);
  });

  it('keeps a configured heading that itself says what was done', () => {
    const custom = actionItemsHeadingMatcher(['Actions taken']);

    expect([custom('Actions taken'), custom('Actions Taken During the Incident')]).toEqual([true, true]);
  });

  it('matches only the configured headings when given a list', () => {
    const custom = actionItemsHeadingMatcher(['Improvements', 'Work items']);

    expect([custom('Improvements'), custom('Work Items'), custom('Action Items')]).toEqual([true, true, false]);
  });

  it('ships the same default list in config/default.yml', () => {
    const result = loadConfig({});

    expect(result.ok && result.config.rca.actionItemHeadings).toEqual(DEFAULT_ACTION_ITEM_HEADINGS);
  });
});
