import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#config/load-config.ts';
import type { RcaDraft } from '#rca/rca-draft.ts';
import { renderRca } from '#rca/render-rca.ts';
import { RCA_TEMPLATE } from '../helpers/template.ts';

const RESOLVED: RcaDraft = {
  title: '2025-04-07 - Cache Invalidation Bug in analytics-pipeline',
  date: '2025-04-07',
  severity: 'P3',
  services: ['analytics-pipeline', 'notification-service'],
  tags: ['rca', 'p3', 'application'],
  status: 'resolved',
  durationMinutes: 56,
  author: 'DevOps',
  preparedOn: '2025-04-10',
  summary:
    'On 2025-04-07, the analytics-pipeline service experienced a cache invalidation bug. The incident lasted approximately 56 minutes.',
  rootCause: 'A stale cache key survived the deploy.\n\n1. Regression in the key builder\n2. No test for the edge case',
  impact: '- 82% of requests affected',
  customerImpact: '- 53 support tickets created',
  resolution: 'Deployed a hotfix.',
  wentWell: '- Alert fired within 3 minutes',
  toImprove: '- Runbook was out of date',
  timeline: [
    {
      time: '16:47',
      event: 'Monitoring alert triggered',
      author: 'PagerDuty',
      link: 'https://acme.slack.com/archives/C01/p1744044420000100',
    },
    { time: '16:52', event: 'Status: investigating → identified | cache keys', author: 'Ana' },
    { time: '17:43', event: 'Incident resolved' },
  ],
  actionItems: [
    {
      priority: 'P1',
      action: 'Implement monitoring for cache invalidation',
      owner: 'Platform Engineering',
      due: '2025-04-14',
      done: false,
    },
    { priority: 'P2', action: 'Update runbook', owner: '<@U024BE7LH>', due: '2025-04-21', done: true },
  ],
  related: [{ target: '2025-03-01-cache-miss-storm', label: '2025-03-01 - Cache miss storm' }],
  diagram: true,
};

const FRESH: RcaDraft = {
  ...RESOLVED,
  title: '2025-06-01 - Checkout `latency` <spikes> | 🔥',
  date: '2025-06-01',
  status: 'investigating',
  durationMinutes: null,
  summary: '',
  rootCause: '',
  impact: '# not a heading\n---\n```',
  resolution: '',
  wentWell: '',
  toImprove: '',
  timeline: [],
  actionItems: [],
  related: [],
  diagram: false,
};

describe('renderRca with the default template', () => {
  it.each([
    ['resolved', RESOLVED],
    ['fresh', FRESH],
  ])('renders the %s draft as the golden file', (name, draft) => {
    const path = join(PROJECT_ROOT, `test/fixtures/golden/${name}.md`);

    const markdown = renderRca(draft, RCA_TEMPLATE);

    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, markdown);
    expect(markdown).toBe(readFileSync(path, 'utf8'));
  });
});
