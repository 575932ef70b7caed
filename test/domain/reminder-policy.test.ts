import { describe, expect, it } from 'vitest';
import { calendarDay } from '#domain/calendar-day.ts';
import { planReminders } from '#domain/plan-reminders.ts';
import { describeDue, stagesFor, stageToSend } from '#domain/reminder-policy.ts';

const POLICY = { before: [7, 1, 0], overdueEvery: 7, overdueMax: 4 };

describe('stagesFor', () => {
  it('lists the default stages with their trigger days', () => {
    expect(stagesFor('2025-04-14', POLICY)).toEqual([
      { name: 'before-7d', day: '2025-04-07' },
      { name: 'before-1d', day: '2025-04-13' },
      { name: 'due', day: '2025-04-14' },
      { name: 'overdue-1', day: '2025-04-15' },
      { name: 'overdue-2', day: '2025-04-22' },
      { name: 'overdue-3', day: '2025-04-29' },
      { name: 'overdue-4', day: '2025-05-06' },
    ]);
  });

  it('crosses month and year ends and leap days', () => {
    expect(stagesFor('2024-03-01', POLICY).slice(0, 2)).toEqual([
      { name: 'before-7d', day: '2024-02-23' },
      { name: 'before-1d', day: '2024-02-29' },
    ]);
    expect(stagesFor('2026-01-01', POLICY)[0]).toEqual({ name: 'before-7d', day: '2025-12-25' });
  });
});

describe('stageToSend', () => {
  it('sends the stage that triggers today when the last run was yesterday', () => {
    expect(stageToSend('2025-04-14', '2025-04-06', '2025-04-07', POLICY)).toEqual({
      send: { name: 'before-7d', day: '2025-04-07' },
      skipped: [],
    });
    expect(stageToSend('2025-04-14', '2025-04-07', '2025-04-08', POLICY).send).toBeNull();
  });

  it('catches up after downtime with the latest stage, marking the earlier one skipped', () => {
    const result = stageToSend('2025-04-14', '2025-04-12', '2025-04-14', POLICY);

    expect(result.send?.name).toBe('due');
    expect(result.skipped.map((s) => s.name)).toEqual(['before-1d']);
  });

  it('stops after the fourth overdue reminder', () => {
    expect(stageToSend('2025-04-14', '2025-05-12', '2025-05-13', POLICY).send).toBeNull();
  });
});

describe('calendarDay', () => {
  it('takes the day in the configured time zone, around midnight and DST changes', () => {
    expect(calendarDay(new Date('2025-03-30T00:30:00Z'), 'Europe/Berlin')).toBe('2025-03-30');
    expect(calendarDay(new Date('2025-03-29T23:30:00Z'), 'Europe/Berlin')).toBe('2025-03-30');
    expect(calendarDay(new Date('2025-03-29T22:59:59Z'), 'Europe/Berlin')).toBe('2025-03-29');
    expect(calendarDay(new Date('2025-11-02T06:59:00Z'), 'America/Los_Angeles')).toBe('2025-11-01');
    expect(calendarDay(new Date('2025-11-02T08:00:00Z'), 'America/Los_Angeles')).toBe('2025-11-02');
    expect(calendarDay(new Date('2025-04-06T23:00:00Z'), 'Pacific/Auckland')).toBe('2025-04-07');
  });
});

describe('planReminders', () => {
  const file = (items: object[]) => ({ path: 'RCAs/a.md', blob: 'x', title: 'A', items: items as never });
  const item = (over: object) => ({
    priority: 'P1',
    action: 'Act',
    owner: 'Ops',
    due: '2025-04-14',
    done: false,
    line: 10,
    ...over,
  });

  it('groups by owner and leaves out done items and items without a due date', () => {
    const plan = planReminders({
      files: [
        file([
          item({}),
          item({ action: 'Done one', done: true }),
          item({ action: 'No date', due: null }),
          item({ action: 'Other', owner: 'SRE' }),
        ]),
      ],
      today: '2025-04-07',
      lastRun: '2025-04-06',
      policy: POLICY,
      snoozes: new Map(),
    });

    expect([...plan.reminders].map(([owner, items]) => [owner, items.map((i) => [i.action, i.stage])])).toEqual([
      ['Ops', [['Act', 'before-7d']]],
      ['SRE', [['Other', 'before-7d']]],
    ]);
    expect(plan.needsAttention.map((i) => [i.action, i.reason, i.stage])).toEqual([
      ['No date', 'no due date is named', 'attention-due:none'],
    ]);
  });

  it('keeps an item with neither owner nor due date, as bullet lists often write them, in needs attention', () => {
    const plan = planReminders({
      files: [file([item({ action: 'Better monitoring', owner: null, due: null }), item({ due: null, done: true })])],
      today: '2025-04-07',
      lastRun: '2025-04-06',
      policy: POLICY,
      snoozes: new Map(),
    });

    expect(plan.reminders.size).toBe(0);
    expect(plan.needsAttention).toEqual([
      {
        key: 'RCAs/a.md#better monitoring',
        file: 'RCAs/a.md',
        title: 'A',
        line: 10,
        action: 'Better monitoring',
        owner: null,
        reason: 'no owner and no due date are named',
        stage: 'attention-due:none',
      },
    ]);
  });

  it('sends items with no owner or an unreadable date to needs attention', () => {
    const plan = planReminders({
      files: [
        file([
          item({ owner: null }),
          item({ action: 'Bad date', due: null, dueText: '04/05/2025' }),
          item({ action: 'No such day', due: null, dueText: '2026-02-30' }),
        ]),
      ],
      today: '2025-04-07',
      lastRun: '2025-04-06',
      policy: POLICY,
      snoozes: new Map(),
    });

    expect(plan.needsAttention.map((i) => [i.action, i.reason])).toEqual([
      ['Act', 'no owner is named'],
      ['Bad date', 'due date "04/05/2025" could be day/month or month/day; write it as YYYY-MM-DD'],
      // What `scribe rca lint` says too, not "could not be read" of a date written as asked.
      ['No such day', 'due date "2026-02-30" is not a real calendar date'],
    ]);
  });

  it('sends nothing during a snooze and one reminder when it ends', () => {
    const snoozes = new Map([['RCAs/a.md#act', '2025-04-09']]);
    const run = (today: string, lastRun: string) =>
      planReminders({ files: [file([item({})])], today, lastRun, policy: POLICY, snoozes })
        .reminders.get('Ops')
        ?.map((i) => i.stage) ?? [];

    expect(run('2025-04-08', '2025-04-07')).toEqual([]);
    expect(run('2025-04-09', '2025-04-08')).toEqual(['snoozed-until-2025-04-09']);
    expect(run('2025-04-13', '2025-04-12')).toEqual(['before-1d']);
  });

  it('says how far a due date is', () => {
    expect(
      ['2025-04-14', '2025-04-08', '2025-04-07', '2025-04-05', '2025-04-06'].map((d) => describeDue(d, '2025-04-07')),
    ).toEqual(['due in 7 days', 'due tomorrow', 'due today', '2 days overdue', '1 day overdue']);
  });
});
