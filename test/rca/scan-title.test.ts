import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanActionItems } from '#rca/scan-action-items.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';

/** The reminder scan reads the title straight off its line; whatever the line, it must agree with YAML. */
const fragment = fc.constantFrom(
  'Checkout outage',
  '2025-04-07',
  ' - ',
  '123',
  '1e3',
  '0x1F',
  '.inf',
  'true',
  'null',
  '~',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  '{',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '-',
  ',',
  '🔥',
  'Ünïcode',
  '\\',
  '\t',
);
const titleValue = fc.array(fragment, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));

describe('the title fast path', () => {
  it(
    'gives the same title as the full front-matter parse for any title line',
    () => {
      fc.assert(
        fc.property(titleValue, fc.boolean(), (value, heading) => {
          const source = `---\ntitle: ${value}\ndate: 2025-04-07\n---\n${heading ? '# From the heading\n' : ''}`;

          expect(scanActionItems(source, { frontMatter: 'title' }).title).toBe(scanActionItems(source).title);
        }),
        { numRuns: runs(3000) },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it.each(['123', '1e3', '0x1F', '.inf', 'true', 'null', '~', 'ends with colon:'])(
    'leaves %s, which YAML does not read as a string, to the YAML parser',
    (value) => {
      const source = `---\ntitle: ${value}\n---\n# Heading\n`;

      expect(scanActionItems(source, { frontMatter: 'title' }).title).toBe(scanActionItems(source).title);
    },
  );
});
