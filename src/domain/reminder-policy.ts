import { dayNumber, dayString } from './day-number.ts';

export interface StagePolicy {
  /** Days before the due date to remind; 0 is the due date itself. */
  before: number[];
  /** Overdue reminders: the day after the due date, then every `overdueEvery` days, at most `overdueMax`. */
  overdueEvery: number;
  overdueMax: number;
}

export interface Stage {
  /** `before-7d`, `before-1d`, `due`, `overdue-1`, … */
  name: string;
  /** The calendar day (YYYY-MM-DD) the stage triggers on. */
  day: string;
}

/** A policy's stages as day offsets from the due date, in trigger order; kept per policy, since a plan asks once per item. */
const offsetsByPolicy = new WeakMap<StagePolicy, { name: string; offset: number }[]>();

function stageOffsets(policy: StagePolicy): { name: string; offset: number }[] {
  let offsets = offsetsByPolicy.get(policy);
  if (!offsets) {
    const before = [...new Set(policy.before)]
      .sort((a, b) => b - a)
      .map((days) => ({ name: days === 0 ? 'due' : `before-${days}d`, offset: -days }));
    const overdue = Array.from({ length: policy.overdueMax }, (_, n) => ({
      name: `overdue-${n + 1}`,
      offset: 1 + n * policy.overdueEvery,
    }));
    offsets = [...before, ...overdue];
    offsetsByPolicy.set(policy, offsets);
  }
  return offsets;
}

/** Every stage of an item due on `due`, in trigger order. */
export function stagesFor(due: string, policy: StagePolicy): Stage[] {
  const dueDay = dayNumber(due);
  return stageOffsets(policy).map(({ name, offset }) => ({ name, day: dayString(dueDay + offset) }));
}

/**
 * The stage to send today for an item due on `due`, when the last completed run was on `lastRun`:
 * of the stages whose trigger day falls after `lastRun` and up to `today`, the latest (a day of downtime
 * is caught up with one message, not two). The earlier ones in the window are `skipped`.
 */
export function stageToSend(
  due: string,
  lastRun: string,
  today: string,
  policy: StagePolicy,
): { send: Stage | null; skipped: Stage[] } {
  const dueDay = dayNumber(due);
  const after = dayNumber(lastRun);
  const upTo = dayNumber(today);
  const window: Stage[] = [];
  for (const { name, offset } of stageOffsets(policy)) {
    const day = dueDay + offset;
    if (day > after && day <= upTo) window.push({ name, day: dayString(day) });
  }
  const send = window.at(-1) ?? null;
  return { send, skipped: window.slice(0, -1) };
}

/** "in 7 days", "tomorrow", "today", "1 day overdue". */
export function describeDue(due: string, today: string): string {
  const days = dayNumber(due) - dayNumber(today);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${days} days`;
  return `${-days} day${days === -1 ? '' : 's'} overdue`;
}

/** Whether an item is in the weekly digest's "due soon" (within a week) or "overdue" group. */
export function digestGroup(due: string, today: string): 'overdue' | 'soon' | 'open' {
  const days = dayNumber(due) - dayNumber(today);
  return days < 0 ? 'overdue' : days <= 7 ? 'soon' : 'open';
}

export function dayBefore(day: string): string {
  return dayString(dayNumber(day) - 1);
}

export function addDaysTo(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}
