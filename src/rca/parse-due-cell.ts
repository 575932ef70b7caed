/**
 * Reads a due date as teams write it: `2025-04-14`, `Apr 14, 2025`, `14 April 2025`.
 * Never guesses: `TBD`, empty cells and day/month-ambiguous dates give `null`, and anything
 * that was written but could not be read comes back with a reason.
 */
export type DueCell = { due: string } | { due: null; reason?: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NOT_SET = /^(?:tbd|tba|n\/?a|none|-+|—|\?+|todo|unknown|later)$/i;

export function parseDueCell(text: string): DueCell {
  // A date struck through beside another was moved (`~~2026-11-30~~ 2026-12-10`): the other one is due.
  const moved = text.replace(/~~[^~]*~~/g, ' ');
  const kept = /[^\s*_`]/.test(moved) ? moved : text;
  const cell = kept.replace(/~~/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  if (cell === '' || NOT_SET.test(cell)) return { due: null };

  const iso = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(cell);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), cell);

  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(cell);
  if (monthFirst) return fromNamedMonth(monthFirst[1]!, monthFirst[2]!, monthFirst[3]!, cell);

  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(cell);
  if (dayFirst) return fromNamedMonth(dayFirst[2]!, dayFirst[1]!, dayFirst[3]!, cell);

  const slashed = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(cell);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const year = Number(slashed[3]);
    if (a <= 12 && b <= 12 && a !== b) {
      return { due: null, reason: `"${cell}" could be day/month or month/day; write it as YYYY-MM-DD` };
    }
    return a > 12 ? fromParts(year, b, a, cell) : fromParts(year, a, b, cell);
  }
  return { due: null, reason: `"${cell}" is not a date; write it as YYYY-MM-DD` };
}

function fromNamedMonth(monthName: string, day: string, year: string, cell: string): DueCell {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return { due: null, reason: `"${cell}" names no month; write it as YYYY-MM-DD` };
  return fromParts(Number(year), month, Number(day), cell);
}

function fromParts(year: number, month: number, day: number, cell: string): DueCell {
  if (!isCalendarDate(year, month, day)) {
    return { due: null, reason: `"${cell}" is not a real calendar date` };
  }
  return { due: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
