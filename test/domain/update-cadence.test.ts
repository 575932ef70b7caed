import { describe, expect, it } from 'vitest';
import { cadenceFor, dueNudgeSlot, expectsUpdates, parseDuration } from '#domain/update-cadence.ts';

describe('the status-update cadence', () => {
  it('reads durations and the cadence of a severity', () => {
    expect([parseDuration('30m'), parseDuration('1h'), parseDuration('4h'), parseDuration('1d')]).toEqual([
      30, 60, 240, 1440,
    ]);
    expect(parseDuration('soon')).toBeNull();
    expect(cadenceFor('P2', { P1: '30m', P2: '1h' })).toBe(60);
    expect(cadenceFor('P4', { P1: '30m' })).toBeNull();
  });

  it('is due at the last update plus the cadence, and then once per missed period', () => {
    const base = { lastAt: '2025-04-07T10:00:00.000Z', nextAt: null, cadenceMinutes: 30 };
    expect(dueNudgeSlot({ ...base, now: new Date('2025-04-07T10:29:59Z') })).toBeNull();
    expect(dueNudgeSlot({ ...base, now: new Date('2025-04-07T10:30:00Z') })).toBe('2025-04-07T10:30:00.000Z');
    expect(dueNudgeSlot({ ...base, now: new Date('2025-04-07T10:59:00Z') })).toBe('2025-04-07T10:30:00.000Z');
    expect(dueNudgeSlot({ ...base, now: new Date('2025-04-07T11:01:00Z') })).toBe('2025-04-07T11:00:00.000Z');
  });

  it('follows the next update time the last update gave', () => {
    const input = { lastAt: '2025-04-07T10:00:00.000Z', nextAt: '2025-04-07T12:00:00.000Z', cadenceMinutes: 30 };
    expect(dueNudgeSlot({ ...input, now: new Date('2025-04-07T11:00:00Z') })).toBeNull();
    expect(dueNudgeSlot({ ...input, now: new Date('2025-04-07T12:45:00Z') })).toBe('2025-04-07T12:30:00.000Z');
  });

  it('stops once the incident is mitigated', () => {
    const statuses = ['investigating', 'identified', 'mitigated', 'resolved'];
    expect(statuses.map((s) => expectsUpdates(s, statuses))).toEqual([true, true, false, false]);
  });
});
