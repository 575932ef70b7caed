import { describe, expect, it } from 'vitest';
import { incidentCommand } from '#adapters/slack/listeners/incident-command.ts';
import { HELP_TEXT } from '#domain/incident-command.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { answerText } from '../../helpers/build-middleware-args.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { buildSlashCommand } from '../../helpers/build-slash-command.ts';

async function run(bed: ReturnType<typeof buildDeps>, text: string, overrides = {}) {
  const { ctx, updates } = buildListenerContext(bed);
  const { args, answers } = buildSlashCommand(text, overrides);
  await incidentCommand(ctx)(args);
  /** Everything the person was told, through the ack or response_url, in order. */
  const told = [...answers.acks.filter((a) => a !== undefined), ...answers.respond].map(answerText);
  return { answers, told, updates };
}

describe('/incident', () => {
  it('answers help through the ack, as an ephemeral message', async () => {
    const bed = buildDeps();

    const { answers } = await run(bed, 'help');

    expect(answers.acks).toEqual([{ response_type: 'ephemeral', text: HELP_TEXT }]);
  });

  it('answers a typo with what it expected, through the ack', async () => {
    const bed = buildDeps();

    const { answers, told } = await run(bed, 'sevrity P1');

    expect(answers.acks).toHaveLength(1);
    expect(told[0]).not.toBe('');
    expect(bed.chat.calls).toEqual([]);
  });

  it('declares with a title: acks first, then says where the incident is', async () => {
    const bed = buildDeps();

    const { answers, told } = await run(bed, 'declare P1 Checkout latency', { channel_id: 'CGENERAL' });

    expect(answers.acks).toEqual([undefined]);
    expect(told).toEqual([expect.stringMatching(/^Declared <#C\d+>\. I invited you there\.$/)]);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({ title: 'Checkout latency', severity: 'P1' });
  });

  it('opens the declare form when no title is given', async () => {
    const bed = buildDeps();

    await run(bed, 'declare', { trigger_id: 'T9.trigger' });

    expect(bed.chat.views).toEqual([expect.objectContaining({ triggerId: 'T9.trigger' })]);
    expect(bed.chat.views[0]?.view).toMatchObject({ callback_id: 'declare_incident' });
  });

  it('refuses to declare for someone outside incident.restrictTo', async () => {
    const bed = buildDeps({ config: { incident: { restrictTo: 'SRESP' } } });
    bed.chat.usergroups.set('SRESP', ['UCAT']);

    const { told } = await run(bed, 'declare P1 Checkout latency');

    expect(told).toEqual([expect.stringContaining('Only members of <!subteam^SRESP> can declare incidents')]);
    expect(await bed.store.listIncidents({})).toEqual([]);
  });

  it('sends a change outside an incident channel to the incident channel', async () => {
    const bed = buildDeps();

    const { told } = await run(bed, 'severity P1', { channel_id: 'CGENERAL' });

    expect(told).toEqual([expect.stringContaining('This is not an incident channel')]);
  });

  it('lets only people in the channel change the incident', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'severity P1', { user_id: 'UOUT' });

    expect(told).toEqual(['Only people in <#CINC1> can change this incident. Join the channel first.']);
    expect((await bed.store.getIncident('inc-1'))?.severity).toBe('P2');
  });

  it('changes the severity for a person in the channel and says what changed', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'severity P1');

    expect(told).toEqual(['Severity changed from P2 to P1.']);
    expect((await bed.store.getIncident('inc-1'))?.severity).toBe('P1');
  });

  it('adds a note keyed by the trigger id', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'note Paged the DB team', { trigger_id: 'T7.trigger' });

    expect(told).toEqual(['Added to the timeline.']);
    expect((await bed.store.getTimelineEntry('note:T7.trigger'))?.text).toBe('Paged the DB team');
  });

  it('shows the timeline to anyone, without a membership check', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'timeline', { user_id: 'UOUT' });

    expect(told[0]).toContain('Checkout latency');
    expect(bed.chat.calls).not.toContain('isMember');
  });

  it('lists the open incidents', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    await buildOpenIncident(bed, { id: 'inc-2', channelId: 'CINC2', status: 'resolved', title: 'Old' });

    const { told } = await run(bed, 'list');

    expect(told).toEqual(['*Open incidents*\n• <#CINC1> P2 · investigating · Checkout latency']);
  });

  it('opens the resolve form first and checks after, replacing the form when not allowed', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    await run(bed, 'resolve', { user_id: 'UOUT' });

    expect(bed.chat.calls.indexOf('openView')).toBeLessThan(bed.chat.calls.indexOf('isMember'));
    expect(bed.chat.viewUpdates).toHaveLength(1);
    expect(JSON.stringify(bed.chat.viewUpdates[0]?.view)).toContain('Only people in <#CINC1>');
  });

  it('resolves with the text given and asks for the RCA', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'resolve Rolled back the deploy');

    expect(told).toEqual(['Resolved. The RCA draft follows in the channel.']);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({
      status: 'resolved',
      resolution: 'Rolled back the deploy',
    });
    expect(bed.rcaRequests).toEqual([{ incidentId: 'inc-1', by: 'UANA' }]);
  });

  it('posts a status update given on the command line', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told, updates } = await run(bed, 'update Rolled back');

    expect(told).toEqual(['Update posted here. Next update due at 11:00 UTC.']);
    expect(updates.published.map((p) => p.update.text)).toEqual(['Rolled back']);
  });

  it('asks for the RCA draft, adding pinned threads when asked', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'rca threads');

    expect(told).toEqual([
      '0 thread replies added to the timeline. RCA draft requested; the link follows in the channel.',
    ]);
    expect(bed.rcaRequests).toEqual([{ incidentId: 'inc-1', by: 'UANA' }]);
  });

  it('changes status, role and services through their subcommands', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const status = await run(bed, 'status identified', { trigger_id: 'T1' });
    const role = await run(bed, 'role comms <@UCAT>', { trigger_id: 'T2' });
    const services = await run(bed, 'services api, db', { trigger_id: 'T3' });

    expect([status.told, role.told, services.told]).toEqual([
      ['Status changed from investigating to identified.'],
      ['<@UCAT> is now comms.'],
      ['Affected services: api, db.'],
    ]);
    expect(await bed.store.getIncident('inc-1')).toMatchObject({
      status: 'identified',
      roles: { lead: 'UANA', comms: 'UCAT' },
      services: ['api', 'db'],
    });
  });

  it('acknowledges, sets the start of impact and reopens', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed, {}, ['UANA', 'UBOB']);

    const ack = await run(bed, 'ack', { user_id: 'UBOB' });
    const started = await run(bed, 'started 08:50');
    await bed.store.updateIncident('inc-1', { status: 'resolved' });
    const reopened = await run(bed, 'reopen');

    expect(ack.told).toEqual(['Acknowledged: the time to acknowledge is measured to now.']);
    expect(started.told).toEqual(['Impact began at 2030-04-07 08:50 UTC.']);
    expect(reopened.told).toEqual([expect.stringContaining('Reopened; the status is investigating.')]);
    expect((await bed.store.getIncident('inc-1'))?.status).toBe('investigating');
  });

  it('adds an action item and answers with its due day', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);

    const { told } = await run(bed, 'action Add an alert owner:<@UBOB> due:tomorrow', { trigger_id: 'T8' });

    expect(told).toEqual(['Action item added: Add an alert, owner <@UBOB>, due 2030-04-08.']);
    expect((await bed.store.listActionItems('inc-1')).map((a) => a.id)).toEqual(['action:T8']);
  });

  it('answers an unexpected failure with a reference, never the error itself', async () => {
    const bed = buildDeps();
    await buildOpenIncident(bed);
    bed.chat.failing.set('isMember', new Error('internal detail at db.ts:12'));

    const { told } = await run(bed, 'severity P1');

    expect(told).toEqual([expect.stringMatching(/^Sorry, `\/incident severity` did not work \(reference \w+;/)]);
    expect(told[0]).not.toContain('internal detail');
    expect(bed.logs.some((l) => l.msg === '`/incident severity` failed')).toBe(true);
  });
});
