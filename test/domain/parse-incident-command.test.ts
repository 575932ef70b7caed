import { describe, expect, it } from 'vitest';
import { parseIncidentCommand } from '#domain/parse-incident-command.ts';
import { parseRelativeDate } from '#domain/parse-relative-date.ts';

const vocabulary = {
  severities: ['P1', 'P2', 'P3', 'P4'],
  statuses: ['investigating', 'identified', 'mitigated', 'resolved'],
  roles: ['lead', 'comms'],
};
const parse = (text: string) => parseIncidentCommand(text, vocabulary);

describe('parseIncidentCommand', () => {
  it('takes a declare title as typed, not as Slack escaped it', () => {
    expect(
      parse('declare sev2 <#C0PAY|payments> down: <http://checkout.example.com|checkout.example.com> 502 &amp; more'),
    ).toEqual({
      ok: true,
      command: {
        kind: 'declare',
        severity: 'P2',
        title: '#payments down: checkout.example.com 502 & more',
        private: false,
      },
    });
  });

  it('reads --private before the severity and title of a declare', () => {
    expect(parse('declare --private sev1 Leaked deploy key')).toEqual({
      ok: true,
      command: { kind: 'declare', severity: 'P1', title: 'Leaked deploy key', private: true },
    });
    expect(parse('declare --PRIVATE')).toMatchObject({ command: { private: true, title: null } });
    expect(parse('declare --privateer talk')).toMatchObject({ command: { private: false, title: '--privateer talk' } });
    expect(parse('private')).toEqual({ ok: true, command: { kind: 'private' } });
    expect(parse('private now')).toMatchObject({ ok: false });
  });

  it('reads declare with and without a severity', () => {
    expect(parse('declare sev2 Checkout latency')).toEqual({
      ok: true,
      command: { kind: 'declare', severity: 'P2', title: 'Checkout latency', private: false },
    });
    expect(parse('declare SEV-1 DB down')).toMatchObject({ command: { severity: 'P1', title: 'DB down' } });
    expect(parse('declare Search broken')).toMatchObject({
      command: { severity: null, title: 'Search broken' },
    });
    expect(parse('declare')).toMatchObject({ command: { kind: 'declare', title: null } });
  });

  it('reads severity, status, lead, role and services', () => {
    expect(parse('severity 1')).toMatchObject({ command: { kind: 'severity', severity: 'P1' } });
    expect(parse('status Identified')).toMatchObject({ command: { kind: 'status', status: 'identified' } });
    expect(parse('lead <@U123ABC|maria>')).toMatchObject({
      command: { kind: 'role', role: 'lead', userId: 'U123ABC' },
    });
    expect(parse('role comms <@U9>')).toMatchObject({
      command: { kind: 'role', role: 'comms', userId: 'U9' },
    });
    expect(parse('services checkout, payments checkout')).toMatchObject({
      command: { services: ['checkout', 'payments'] },
    });
  });

  it('says what is valid when a word is wrong', () => {
    expect(parse('status done')).toEqual({
      ok: false,
      message: '"done" is not a status. Use one of: investigating, identified, mitigated, resolved.',
    });
    expect(parse('role boss <@U1>')).toMatchObject({
      ok: false,
      message: expect.stringContaining('lead, comms'),
    });
    expect(parse('lead @maria')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Mention one person'),
    });
    expect(parse('note')).toMatchObject({ ok: false });
  });

  it('reads an action item with owner, due date and priority', () => {
    expect(parse('action Add an alert for queue depth owner:<@U1|ana> due:"next friday" P2')).toEqual({
      ok: true,
      command: {
        kind: 'action',
        text: 'Add an alert for queue depth',
        owner: '<@U1|ana>',
        due: 'next friday',
        priority: 'P2',
      },
    });
    expect(parse('action Fix | pipes due:2025-05-01')).toMatchObject({
      command: { text: 'Fix | pipes', owner: null, due: '2025-05-01' },
    });
  });
});

describe('parseRelativeDate', () => {
  it.each([
    ['2025-05-01', '2025-05-01'],
    ['tomorrow', '2025-04-08'],
    ['in 2 weeks', '2025-04-21'],
    ['in 3 days', '2025-04-10'],
    ['next friday', '2025-04-11'],
    ['monday', '2025-04-14'],
    ['May 2, 2025', '2025-05-02'],
  ])('reads %s relative to Monday 2025-04-07', (input, expected) => {
    expect(parseRelativeDate(input, '2025-04-07')).toEqual({ ok: true, date: expected });
  });

  it('answers instead of guessing', () => {
    expect(parseRelativeDate('04/05/2025', '2025-04-07')).toMatchObject({
      ok: false,
      message: expect.stringContaining('could not read'),
    });
    expect(parseRelativeDate('soonish', '2025-04-07').ok).toBe(false);
  });
});
