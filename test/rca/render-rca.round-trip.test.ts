import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';
import { draftFrontMatter } from '#rca/rca-draft.ts';
import { renderRca } from '#rca/render-rca.ts';
import { scanActionItems } from '#rca/scan-action-items.ts';
import { rcaDraft } from '../helpers/arbitraries.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';
import { RCA_TEMPLATE } from '../helpers/template.ts';

describe('renderRca then parseRca', () => {
  it(
    'gives back the same front matter, timeline and action items for any text',
    () => {
      fc.assert(
        fc.property(rcaDraft, (draft) => {
          const markdown = renderRca(draft, RCA_TEMPLATE);

          const parsed = parseRca(markdown);

          expect(parsed.frontMatter).toEqual(draftFrontMatter(draft));
          expect(parsed.timeline.map(({ line: _line, ...row }) => row)).toEqual(draft.timeline);
          expect(parsed.actionItems.map(({ line: _line, ...item }) => item)).toEqual(draft.actionItems);
          expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
        }),
        { numRuns: runs(800) },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'keeps the seed structure: the same headings in the same order',
    () => {
      fc.assert(
        fc.property(rcaDraft, (draft) => {
          const headings = parseRca(renderRca(draft, RCA_TEMPLATE)).sections.map((s) => s.heading);

          expect(headings.slice(1)).toEqual([
            'Summary',
            'Timeline',
            'Root Cause',
            'Impact',
            'Affected Services',
            'Customer Impact',
            'Resolution',
            'Lessons Learned',
            'What Went Well',
            'What Could Be Improved',
            'Action Items',
            'Related Incidents',
          ]);
        }),
        { numRuns: runs(200) },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'reads the same action items through the fast scanner',
    () => {
      fc.assert(
        fc.property(rcaDraft, (draft) => {
          const markdown = renderRca(draft, RCA_TEMPLATE);

          expect(scanActionItems(markdown).actionItems).toEqual(parseRca(markdown).actionItems);
        }),
        { numRuns: runs(400) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
