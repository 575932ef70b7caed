import fc from 'fast-check';
import type { RcaDraft } from '#rca/rca-draft.ts';

/** Text a person might type: markdown and table syntax, emoji, right-to-left script, newlines. */
const nasty = fc.constantFrom(
  '|',
  '\\|',
  '\\',
  '`',
  '```',
  '---',
  '===',
  '# ',
  '## Action Items',
  '<b>',
  '</div>',
  '<script>x</script>',
  '&amp;',
  '&#124;',
  '*',
  '**',
  '_',
  '~~',
  '[x]',
  '[ ]',
  '[[link|label]]',
  '](',
  '<br>',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '🔥',
  '👩‍💻',
  'שלום',
  'مرحبا',
  '—',
  ' — *a*',
  ' [↗](https://x.y)',
  'TBD',
  'none',
  '-',
  'P1',
  '2025-04-14',
  '04/05/2025',
  ':',
  '"',
  "'",
  'yes',
  'true',
  'null',
  '~',
  '> ',
  '- ',
  '1. ',
  '<!--',
  '-->',
  'http://example.com/a_b',
  'www.x_y.com',
  '@alice',
  '<@U123>',
);
export const personText = fc
  .array(fc.oneof(nasty, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
    maxLength: 8,
  })
  .map((parts) => cleanText(parts.join('')));

/** The boundary's clean-up: no control characters but newline and tab, no lone surrogates. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .toWellFormed();
}

const nonEmpty = personText.filter((t) => t.trim() !== '');
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(isoDate, { nil: undefined }))
  .map(([h, m, d]) => `${d ? `${d} ` : ''}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const permalink = fc
  .tuple(fc.stringMatching(/^C[A-Z0-9]{8}$/), fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }))
  .map(([c, ts]) => `https://acme.slack.com/archives/${c}/p${ts}000100`);

export const timelineRow = fc.record(
  { time, event: personText, author: nonEmpty, link: permalink },
  { requiredKeys: ['time', 'event'] },
);

export const actionItem = fc.record({
  priority: fc.option(nonEmpty, { nil: null }),
  action: nonEmpty,
  owner: fc.option(nonEmpty, { nil: null }),
  due: fc.option(isoDate, { nil: null }),
  done: fc.boolean(),
});

export const rcaDraft: fc.Arbitrary<RcaDraft> = fc.record({
  title: nonEmpty,
  date: isoDate,
  severity: nonEmpty,
  services: fc.array(nonEmpty, { maxLength: 4 }),
  tags: fc.array(nonEmpty, { maxLength: 4 }),
  status: nonEmpty,
  durationMinutes: fc.option(fc.nat({ max: 100_000 }), { nil: null }),
  author: nonEmpty,
  preparedOn: isoDate,
  summary: personText,
  rootCause: personText,
  impact: personText,
  customerImpact: personText,
  resolution: personText,
  wentWell: personText,
  toImprove: personText,
  timeline: fc.array(timelineRow, { maxLength: 8 }),
  actionItems: fc.array(actionItem, { maxLength: 6 }),
  related: fc.array(fc.record({ target: nonEmpty, label: nonEmpty }), { maxLength: 3 }),
  diagram: fc.boolean(),
});
