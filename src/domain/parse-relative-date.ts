import { addDays, addMonths, addWeeks, type Day, format, nextDay, parseISO } from 'date-fns';
import { parseDueCell } from '#rca/parse-due-cell.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

/**
 * A due date as a person types it, relative to `today` (YYYY-MM-DD in the team's time zone):
 * `2025-05-01`, `May 1, 2025`, `today`, `tomorrow`, `in 3 days`, `in 2 weeks`, `next friday`, `friday`.
 */
export function parseRelativeDate(input: string, today: string): DateResult {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = parseISO(today);
  const out = (d: Date): DateResult => ({ ok: true, date: format(d, 'yyyy-MM-dd') });
  if (text === 'today') return out(base);
  if (text === 'tomorrow') return out(addDays(base, 1));
  const inN = /^in (\d{1,3}) (day|week|month)s?$/.exec(text);
  if (inN) {
    const n = Number(inN[1]);
    return out(inN[2] === 'day' ? addDays(base, n) : inN[2] === 'week' ? addWeeks(base, n) : addMonths(base, n));
  }
  const weekday = /^(?:next |this )?(sun|mon|tue|wed|thu|fri|sat)[a-z]*$/.exec(text);
  if (weekday) {
    const day = WEEKDAYS.findIndex((w) => w.startsWith(weekday[1]!)) as Day;
    return out(nextDay(base, day));
  }
  const absolute = parseDueCell(input);
  if (absolute.due !== null) return { ok: true, date: absolute.due };
  return {
    ok: false,
    message: `I could not read "${input.trim()}" as a date. Try 2025-05-01, tomorrow, in 2 weeks or next friday.`,
  };
}
