import { describe, expect, it } from 'vitest';
import { buildTimelineText } from '#adapters/slack/blocks/build-timeline-text.ts';
import { buildTimelineEntry } from '../helpers/build-timeline-entry.ts';

const entry = (text: string) => buildTimelineEntry({ text, authorId: 'UBEN', authorName: null });

describe('buildTimelineText', () => {
  it('shows a message as it read in Slack: one & for its &amp;, people still mentioned, no raw markup', () => {
    const text = buildTimelineText('Checkout latency', [
      entry('Rolled back &amp; restarted, <@UANA> asked <#C0PAY|payments>'),
    ]);

    expect(text).toContain('<@UBEN>: Rolled back &amp; restarted, <@UANA> asked #payments');
    expect(text).not.toContain('&amp;amp;');
  });

  it('still escapes what a form let through, so it cannot ping a channel or forge a link', () => {
    const text = buildTimelineText('Checkout latency', [entry('typed <!channel> and <https://x.example|y> & z')]);

    expect(text).toContain('typed @channel and y (https://x.example) &amp; z');
    expect(text).not.toMatch(/<!channel>|<https:/);
  });
});
