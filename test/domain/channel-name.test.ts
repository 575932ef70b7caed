import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChannelName, isValidChannelName, withSuffix } from '#domain/channel-name.ts';

const opts = { prefix: 'inc', date: '2025-04-07' };

describe('buildChannelName', () => {
  it('joins prefix, date and the title slug', () => {
    expect(buildChannelName('Cache Invalidation Bug', opts)).toBe('inc-2025-04-07-cache-invalidation-bug');
  });

  it('folds accents and drops emoji and punctuation', () => {
    expect(buildChannelName('Café  outage 🔥 | API/v2!!', opts)).toBe('inc-2025-04-07-cafe-outage-api-v2');
  });

  it('still gives a name for a title of emoji or punctuation', () => {
    expect(buildChannelName('🔥🔥 ?!', opts)).toBe('inc-2025-04-07-incident');
    expect(buildChannelName('---', { prefix: '', date: null })).toBe('incident');
  });

  it('stays within 80 characters, cut at a word', () => {
    const name = buildChannelName('word '.repeat(40), opts);

    expect(name.length).toBeLessThanOrEqual(80);
    expect(name.endsWith('-')).toBe(false);
  });

  it('adds a suffix after name_taken without going past 80', () => {
    const long = buildChannelName('x'.repeat(100), opts);

    expect(withSuffix('inc-a', 2)).toBe('inc-a-2');
    expect(withSuffix(long, 12).length).toBeLessThanOrEqual(80);
    expect(withSuffix(long, 12).endsWith('-12')).toBe(true);
  });

  it('gives a valid Slack channel name for any title', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 2, max: 99 }),
        (title, attempt) => {
          const name = buildChannelName(title, opts);
          expect(isValidChannelName(name)).toBe(true);
          expect(isValidChannelName(withSuffix(name, attempt))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
