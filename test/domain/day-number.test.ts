import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '#domain/day-number.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';

const MS_PER_DAY = 86_400_000;
/** Days from 0001-01-01 to 9999-12-31, the years a due date can be written with. */
const anyDay = fc.integer({ min: -719_162, max: 2_932_896 });

describe('dayNumber and dayString', () => {
  it('count days as the calendar does, across month ends, leap days and century years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayString(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(dayString(dayNumber('2024-02-29') + 1)).toBe('2024-03-01');
    expect(dayString(dayNumber('2100-02-28') + 1)).toBe('2100-03-01');
    expect(dayString(dayNumber('2000-02-28') + 1)).toBe('2000-02-29');
    expect(dayString(dayNumber('2025-12-31') + 1)).toBe('2026-01-01');
    expect(dayString(dayNumber('0050-03-01') - 1)).toBe('0050-02-28');
  });

  it(
    'agree with JavaScript’s own UTC calendar on any day of years 1 to 9999',
    () => {
      fc.assert(
        fc.property(anyDay, (days) => {
          const iso = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

          expect(dayString(days)).toBe(iso);
          expect(dayNumber(iso)).toBe(days);
        }),
        { numRuns: runs(2000) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
