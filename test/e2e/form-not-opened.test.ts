import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUpdateNudge, POST_UPDATE_ACTION } from '#adapters/slack/blocks/build-update-nudge.ts';
import type { Incident } from '#domain/incident.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

/** The nudge the bot posts when an update is due, with its "Post update" button; gives its ts. */
function postNudge(h: Harness, incident: Incident): string {
  const nudge = buildUpdateNudge(incident, h.people.ana.id, new Date().toISOString());
  const ts = h.slack.workspace.nextTs();
  h.slack.workspace.channels.get(incident.channelId!)!.messages.push({
    ts,
    user: h.slack.workspace.botUserId,
    botId: h.slack.workspace.botId,
    text: nudge.text,
    blocks: nudge.blocks as never,
    reactions: new Map(),
    replyCount: 0,
  });
  return ts;
}

describe('the "Post update" button when Slack will not open the form', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('tells the person the trigger expired and what to do, instead of silence', async () => {
    const incident = await declareFromNewChannel(h, 'declare P2 Button check');
    const ts = postNudge(h, incident);
    const before = h.slack.responses.length;
    // The click reaches the bot after the trigger's 3 seconds: the emulator's views.open answers
    // expired_trigger_id by its own rule (Workspace.exchangeTrigger).
    const workspace = h.slack.workspace;
    const sent = workspace.triggerSent.bind(workspace);
    workspace.triggerSent = (id, at) => sent(id, at - 4000);
    try {
      await h.people.ana.pressButton(incident.channelId!, ts, POST_UPDATE_ACTION);

      const answer = await eventually(() => {
        const found = h.slack.responses.slice(before).find((r) => String(r.body['text']).includes('form'));
        expect(found).toBeTruthy();
        return found!.body;
      });

      expect(h.slack.calls.filter((c) => c.method === 'views.open').at(-1)?.error).toBe('expired_trigger_id');
      expect(answer).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'The update form did not open: Slack allows 3 seconds and this click took longer to reach the bot. Click the button again, or run `/incident update <what changed>` in the incident channel.',
      });
    } finally {
      workspace.triggerSent = sent;
    }
  });

  it('tells the person a form /incident could not open, and the command that does the same', async () => {
    const general = h.people.ana.createChannel('general-forms');
    const workspace = h.slack.workspace;
    const sent = workspace.triggerSent.bind(workspace);
    workspace.triggerSent = (id, at) => sent(id, at - 4000);
    try {
      const answer = await h.people.ana.ask('/incident', 'declare', general.id);

      expect(h.slack.calls.filter((c) => c.method === 'views.open').at(-1)?.error).toBe('expired_trigger_id');
      expect(answer).toBe(
        'The form did not open: Slack allows 3 seconds and this command took longer to reach the bot. Run it again, or run `/incident declare <severity> <title>`.',
      );
    } finally {
      workspace.triggerSent = sent;
    }
  });
});
