import { describe, expect, it } from 'vitest';
import { declareIncident } from '#use-cases/declare-incident.ts';
import { buildDeps } from '../helpers/build-deps.ts';

const request = { title: 'Checkout latency', severity: 'P2', declaredBy: 'UANA', requestKey: 'T1' };

describe('declareIncident', () => {
  it('stores the incident with its channel, its declarer as lead, and a declared entry', async () => {
    const bed = buildDeps({ config: { incident: { responders: ['URESP'] } } });

    const outcome = await declareIncident(bed.deps, request);

    expect(outcome.ok).toBe(true);
    const stored = await bed.store.getIncident('inc-1');
    expect(stored).toMatchObject({
      title: 'Checkout latency',
      severity: 'P2',
      status: 'investigating',
      channelName: 'inc-2030-04-07-checkout-latency',
      roles: { lead: 'UANA' },
      declaredAt: '2030-04-07T10:00:00.000Z',
    });
    const channel = bed.chat.channels.get(stored!.channelId!)!;
    expect([...channel.members]).toEqual(['UBOT', 'UANA', 'URESP']);
    expect(channel.topic).toBe('P2 · investigating · Checkout latency');
    expect((await bed.store.listTimeline('inc-1')).map((e) => [e.kind, e.text])).toEqual([
      ['declared', 'Incident declared by <@UANA>: Checkout latency (P2)'],
    ]);
    expect(bed.events.kinds()).toEqual(['declared']);
    expect(bed.changed).toEqual(['inc-1']);
  });

  it('takes the default severity and tidies the title', async () => {
    const bed = buildDeps();

    const outcome = await declareIncident(bed.deps, { ...request, severity: null, title: '  Checkout \n latency ' });

    expect(outcome.ok && outcome.value.incident).toMatchObject({ title: 'Checkout latency', severity: 'P3' });
  });

  it('adds a suffix when the channel name is taken', async () => {
    const bed = buildDeps();
    bed.chat.takenNames.add('inc-2030-04-07-checkout-latency');
    bed.chat.takenNames.add('inc-2030-04-07-checkout-latency-2');

    const outcome = await declareIncident(bed.deps, request);

    expect(outcome.ok && outcome.value.incident.channelName).toBe('inc-2030-04-07-checkout-latency-3');
  });

  it('goes on without the people Slack would not invite, and names them', async () => {
    const bed = buildDeps({ config: { incident: { responders: ['UGUEST'] } } });
    bed.chat.refuse.set('UGUEST', 'user_is_restricted');

    const outcome = await declareIncident(bed.deps, request);

    expect(outcome.ok && outcome.value.notInvited).toEqual([{ userId: 'UGUEST', reason: 'user_is_restricted' }]);
    expect(bed.logs.some((l) => l.msg === 'some people could not be invited')).toBe(true);
  });

  it('refuses an empty title before creating anything', async () => {
    const bed = buildDeps();

    const outcome = await declareIncident(bed.deps, { ...request, title: '   ' });

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('Give the incident a title') });
    expect(await bed.store.listIncidents({})).toEqual([]);
    expect(bed.chat.calls).toEqual([]);
  });

  it('says to try another title when every name is taken', async () => {
    const bed = buildDeps();
    bed.chat.createChannel = async () => ({ ok: false, error: 'name_taken' });

    const outcome = await declareIncident(bed.deps, request);

    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('Try a different title') });
    expect(bed.changed).toEqual([]);
    expect(await bed.store.listIncidents({})).toEqual([]);
  });

  it('stores nothing and passes on what Slack refused when it creates no channel', async () => {
    const bed = buildDeps();
    const reason = 'a workspace setting keeps the app from creating channels.';
    bed.chat.createChannel = async () => ({ ok: false, error: 'refused', code: 'restricted_action', reason });

    const outcome = await declareIncident(bed.deps, request);

    expect(outcome).toEqual({
      ok: false,
      message: `I could not create a channel for "Checkout latency", so nothing was declared: ${reason}`,
    });
    expect(await bed.store.listIncidents({})).toEqual([]);
    expect(bed.changed).toEqual([]);
  });
});
