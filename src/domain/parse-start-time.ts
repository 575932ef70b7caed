import { TZDate } from '@date-fns/tz';

export type StartTimeResult = { ok: true; at: string } | { ok: false; message: string };

const USAGE = 'Give the time impact began, like `/incident started 14:02` or `/incident started 2025-04-07 14:02`';

/**
 * When impact began, as a person types it in the bot's time zone: `14:02` (the latest 14:02 that is
 * not in the future) or `2025-04-07 14:02`. Never throws for a typo.
 */
export function parseStartTime(input: string, now: Date, timeZone: string): StartTimeResult {
  const text = input.trim();
  const timeOnly = /^(\d{1,2}):(\d{2})$/.exec(text);
  const dated = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text);
  if (!timeOnly && !dated) return { ok: false, message: `"${text || '(nothing)'}" is not a time. ${USAGE}.` };
  const local = new TZDate(now.getTime(), timeZone);
  const [year, month, day, hour, minute] = dated
    ? dated.slice(1).map(Number)
    : [local.getFullYear(), local.getMonth() + 1, local.getDate(), ...timeOnly!.slice(1).map(Number)];
  if (hour! > 23 || minute! > 59) return { ok: false, message: `"${text}" is not a time of day. ${USAGE}.` };
  let at = new TZDate(year!, month! - 1, day!, hour!, minute!, timeZone);
  if (at.getDate() !== day || at.getMonth() !== month! - 1) {
    return { ok: false, message: `"${text}" is not a date. ${USAGE}.` };
  }
  if (!dated && at.getTime() > now.getTime()) at = new TZDate(year!, month! - 1, day! - 1, hour!, minute!, timeZone);
  if (at.getTime() > now.getTime()) {
    return { ok: false, message: `${text} (${timeZone}) is in the future. ${USAGE}.` };
  }
  return { ok: true, at: new Date(at.getTime()).toISOString() };
}
