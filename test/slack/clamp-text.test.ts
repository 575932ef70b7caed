import { describe, expect, it } from 'vitest';
import { clampText, fitLines } from '#adapters/slack/blocks/clamp-text.ts';

describe('clampText', () => {
  it('leaves text within the limit alone', () => {
    expect(clampText('short', 5)).toBe('short');
  });

  it('ends in an ellipsis within the limit', () => {
    const out = clampText('x'.repeat(100), 10);

    expect(out).toBe(`${'x'.repeat(9)}…`);
  });

  it('never cuts an escape, a mention or a link in half', () => {
    expect(clampText('abc &amp; more text', 6)).toBe('abc …');
    expect(clampText('hi <@U012AB3CD> there', 8)).toBe('hi …');
    expect(clampText('see <https://example.com/a/b|the doc> now', 20)).toBe('see …');
  });

  it('never splits an emoji between its two UTF-16 halves', () => {
    const out = clampText('ab😀cd', 4);

    expect(out).toBe('ab…');
    expect(out.length).toBeLessThanOrEqual(4);
  });
});

describe('fitLines', () => {
  it('keeps whole lines and says how many more there are and where', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);

    const out = fitLines(lines, 60, 'the App Home tab');

    expect(out.length).toBeLessThanOrEqual(60);
    expect(out).toMatch(/^line 0\nline 1\n/);
    expect(out).toMatch(/…and \d+ more \(the App Home tab\)$/);
  });
});
