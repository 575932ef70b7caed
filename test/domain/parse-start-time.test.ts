import { describe, expect, it } from 'vitest';
import { parseStartTime } from '#domain/parse-start-time.ts';

describe('parseStartTime', () => {
  it('reads a time of day in the bot time zone, today', () => {
    expect(parseStartTime('14:02', new Date('2025-04-07T13:00:00Z'), 'Europe/Berlin')).toEqual({
      ok: true,
      at: '2025-04-07T12:02:00.000Z',
    });
  });

  it('takes yesterday for a time of day later than now (just past midnight)', () => {
    expect(parseStartTime('23:50', new Date('2025-04-07T22:05:00Z'), 'Europe/Berlin')).toEqual({
      ok: true,
      at: '2025-04-07T21:50:00.000Z',
    });
  });

  it('reads a date and time, across a DST change', () => {
    expect(parseStartTime('2025-03-30 01:30', new Date('2025-04-07T00:00:00Z'), 'Europe/Berlin')).toEqual({
      ok: true,
      at: '2025-03-30T00:30:00.000Z',
    });
    expect(parseStartTime('2025-03-30 03:30', new Date('2025-04-07T00:00:00Z'), 'Europe/Berlin')).toEqual({
      ok: true,
      at: '2025-03-30T01:30:00.000Z',
    });
  });

  it('answers a typo or a future time with what to type', () => {
    const now = new Date('2025-04-07T13:00:00Z');
    expect(parseStartTime('2pm', now, 'UTC')).toMatchObject({ ok: false, message: expect.stringContaining('14:02') });
    expect(parseStartTime('2025-02-30 10:00', now, 'UTC')).toMatchObject({ ok: false });
    expect(parseStartTime('2025-04-08 10:00', now, 'UTC')).toMatchObject({
      ok: false,
      message: expect.stringContaining('in the future'),
    });
  });
});
