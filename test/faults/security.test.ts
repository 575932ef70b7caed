import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('HTTP mode security', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  const delivery = (h: Harness) => ({
    envelopeId: 'x',
    type: 'slash_commands' as const,
    retryAttempt: 0,
    payload: {
      command: '/incident',
      text: 'list',
      user_id: h.people.ana.id,
      channel_id: 'C1',
      team_id: h.slack.workspace.teamId,
      trigger_id: h.slack.workspace.newTrigger(h.people.ana.id),
      response_url: `http://127.0.0.1:${h.slack.port}/response/security-test`,
    },
  });

  it('answers a correctly signed request', async () => {
    h = await startHarness({ mode: 'http' });

    const response = await h.slack.sendSigned(delivery(h));

    expect(response.status).toBe(200);
    // `/incident list` acks at once and answers through the command's response_url.
    await eventually(() =>
      expect(h.slack.responses.find((r) => r.url === '/response/security-test')?.body['text']).toContain(
        'No open incidents',
      ),
    );
  });

  it('refuses an unsigned request and a badly signed one', async () => {
    h = await startHarness({ mode: 'http' });
    const url = h.slack.options.httpTarget!;

    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Fincident&text=list',
    });
    const badly = await h.slack.sendSigned(delivery(h), {
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });

    expect(unsigned.status).toBe(401);
    expect(badly.status).toBe(401);
  });

  it('refuses a request signed more than five minutes ago', async () => {
    h = await startHarness({ mode: 'http' });

    const stale = await h.slack.sendSigned(delivery(h), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });

    expect(stale.status).toBe(401);
  });

  it('refuses a replay of a request it already took', async () => {
    h = await startHarness({ mode: 'http' });
    const d = delivery(h);
    const timestamp = Math.floor(Date.now() / 1000);

    const first = await h.slack.sendSigned(d, { timestamp });
    const replay = await h.slack.sendSigned(d, { timestamp });

    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
  });
});

describe('who may change an incident', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  const declared = () => declareFromNewChannel(h, 'declare sev2 Locked down');

  it('refuses a change from a person who is not in the incident channel', async () => {
    h = await startHarness();
    const incident = await declared();

    const answer = await h.people.cho.ask('/incident', 'severity sev1', incident.channelId!);
    h.people.cho.join(incident.channelId!);
    const after = await h.people.cho.ask('/incident', 'note Joined now', incident.channelId!);

    expect(answer).toContain('Only people in');
    expect((await h.store.getIncident(incident.id))!.severity).toBe('P2');
    expect(after).toBe('Added to the timeline.');
  });

  it('lets only the configured user group declare and resolve', async () => {
    h = await startHarness({
      configFor: (slack, people) => {
        slack.workspace.usergroups.set('S0ONCALL', { id: 'S0ONCALL', handle: 'oncall', users: [people.ana.id] });
        return { incident: { restrictTo: 'S0ONCALL' } };
      },
    });
    const general = h.people.ben.createChannel('general');

    const refused = await h.people.ben.ask('/incident', 'declare Not allowed', general.id);
    const incident = await declared();
    h.people.ben.join(incident.channelId!);
    const resolveRefused = await h.people.ben.ask('/incident', 'resolve Fixed', incident.channelId!);

    expect(refused).toContain('Only members of <!subteam^S0ONCALL>');
    expect(resolveRefused).toContain('Only members of');
    expect((await h.store.listIncidents({})).map((i) => i.title)).toEqual(['Locked down']);
  });
});
