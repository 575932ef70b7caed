import { describe, expect, it } from 'vitest';
import { changeIncident } from '#use-cases/change-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildOpenIncident } from '../helpers/build-open-incident.ts';

describe('changeIncident', () => {
  it('changes the severity, records it and announces it', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await changeIncident(bed.deps, incident, { kind: 'severity', severity: 'P1' }, 'UANA', 'sev:T1');

    expect(outcome).toEqual({ ok: true, value: 'Severity changed from P2 to P1.' });
    expect((await bed.store.getIncident('inc-1'))?.severity).toBe('P1');
    expect(await bed.store.getTimelineEntry('sev:T1')).toMatchObject({
      kind: 'severity',
      detail: { from: 'P2', to: 'P1' },
      text: 'Severity changed from P2 to P1 by <@UANA>',
    });
    expect(bed.events.published.map((e) => [e.kind, e.incident.severity])).toEqual([['severity', 'P1']]);
    expect(bed.changed).toEqual(['inc-1']);
  });

  it('says so when the severity is already that, and records nothing', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await changeIncident(bed.deps, incident, { kind: 'severity', severity: 'P2' }, 'UANA', 'sev:T1');

    expect(outcome).toEqual({ ok: true, value: 'Severity is already P2.' });
    expect(await bed.store.listTimeline('inc-1')).toEqual([]);
  });

  it('moves the status forward, and refuses a transition the settings do not allow', async () => {
    const bed = buildDeps({ config: { incident: { transitions: { identified: ['mitigated'] } } } });
    const incident = await buildOpenIncident(bed, { status: 'identified' });

    const back = await changeIncident(bed.deps, incident, { kind: 'status', status: 'investigating' }, 'UANA', 's:1');
    const forward = await changeIncident(bed.deps, incident, { kind: 'status', status: 'mitigated' }, 'UANA', 's:2');

    expect(back).toEqual({ ok: false, message: expect.stringContaining('cannot go from identified to investigating') });
    expect(forward).toEqual({ ok: true, value: 'Status changed from identified to mitigated.' });
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('mitigated');
    expect((await bed.store.listTimeline('inc-1')).map((e) => e.key)).toEqual(['s:2']);
  });

  it('sends resolving to /incident resolve', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await changeIncident(bed.deps, incident, { kind: 'status', status: 'resolved' }, 'UANA', 's:1');

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('/incident resolve') });
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('investigating');
    expect(bed.changed).toEqual([]);
  });

  it('gives a role and invites its holder to the channel', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await changeIncident(
      bed.deps,
      incident,
      { kind: 'role', role: 'comms', userId: 'UCAT' },
      'UANA',
      'r:1',
    );

    expect(outcome).toEqual({ ok: true, value: '<@UCAT> is now comms.' });
    expect((await bed.store.getIncident('inc-1'))?.roles).toEqual({ lead: 'UANA', comms: 'UCAT' });
    expect(bed.chat.channels.get('CINC1')?.members.has('UCAT')).toBe(true);
  });

  it('keeps the role when Slack will not invite its holder, and says why', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);
    bed.chat.refuse.set('UGUEST', 'user_is_restricted');

    const outcome = await changeIncident(
      bed.deps,
      incident,
      { kind: 'role', role: 'ops', userId: 'UGUEST' },
      'UANA',
      'r:1',
    );

    expect(outcome).toEqual({
      ok: true,
      value:
        '<@UGUEST> is now ops.\nNot invited: <@UGUEST> is a guest and cannot be invited. Ask a workspace admin, or invite them by hand if they should be there.',
    });
    expect((await bed.store.getIncident('inc-1'))?.roles['ops']).toBe('UGUEST');
    expect(bed.logs.map((l) => l.msg)).toContain('the new role holder could not be invited');
  });

  it('sets the affected services', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed);

    const outcome = await changeIncident(
      bed.deps,
      incident,
      { kind: 'services', services: ['api', 'db'] },
      'UANA',
      'v:1',
    );

    expect(outcome).toEqual({ ok: true, value: 'Affected services: api, db.' });
    expect((await bed.store.getIncident('inc-1'))?.services).toEqual(['api', 'db']);
  });

  it('changes nothing on a resolved incident', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, { status: 'resolved' });

    const outcome = await changeIncident(bed.deps, incident, { kind: 'severity', severity: 'P1' }, 'UANA', 'sev:1');

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('resolved') });
    expect((await bed.store.getIncident('inc-1'))?.severity).toBe('P2');
  });
});
