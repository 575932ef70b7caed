import { afterEach, describe, expect, it } from 'vitest';
import { parseRca } from '#rca/parse-rca.ts';

const SOURCE = '---\ntitle: "X"\ndate: 2025-04-07\nowner_team: sre\nservices: [a, b]\n---\n# X\n';

describe('front matter', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = zone;
  });

  it.each(['Pacific/Honolulu', 'UTC', 'Asia/Tokyo', 'America/Los_Angeles'])(
    'keeps date: 2025-04-07 the same calendar day in %s',
    (tz) => {
      process.env['TZ'] = tz;

      expect(parseRca(SOURCE).frontMatter['date']).toBe('2025-04-07');
    },
  );

  it('keeps unknown keys', () => {
    expect(parseRca(SOURCE).frontMatter['owner_team']).toBe('sre');
  });

  it('hands every call its own data, so a caller changing it changes nothing later', () => {
    const first = parseRca(SOURCE).frontMatter;
    first['title'] = 'changed';
    (first['services'] as string[]).push('c');

    const second = parseRca(SOURCE).frontMatter;

    expect(second['title']).toBe('X');
    expect(second['services']).toEqual(['a', 'b']);
  });

  it('reports a field of the wrong type', () => {
    const parsed = parseRca('---\ntitle: X\nduration_minutes: soon\nservices: api\n---\n');

    expect(parsed.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('services'),
      expect.stringContaining('duration_minutes'),
    ]);
  });
});
