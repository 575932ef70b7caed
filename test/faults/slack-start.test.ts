import { afterEach, describe, expect, it } from 'vitest';
import { manifestScopes, type Harness, startHarness } from '../helpers/bot-harness.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';

describe('starting while Slack is busy or failing', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('opens one Socket Mode connection at start: the token check opens none of its own', async () => {
    h = await startHarness();

    expect(h.slack.calls.filter((c) => c.method === 'apps.connections.open')).toHaveLength(1);
  });

  it('retries apps.connections.open through 5xx answers and starts, instead of calling the token refused', async () => {
    const slack = await startSlackEmulator({ scopes: manifestScopes() });
    await slack.outage({ ms: 4_000, mode: '5xx', methods: ['apps.connections.open'] });

    h = await startHarness({ slack });

    const opens = slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opens.filter((c) => c.status === 503).length).toBeGreaterThan(0);
    expect(opens.at(-1)?.ok).toBe(true);
    expect(h.logs.join('')).not.toContain('SLACK_APP_TOKEN was refused');
  });

  it('says the App-Level Token was refused when Slack refuses it, and nothing else', async () => {
    const slack = await startSlackEmulator({ scopes: manifestScopes(), appToken: 'xapp-the-real-one' });

    const started = startHarness({ slack, env: { SLACK_APP_TOKEN: 'xapp-another-one' } });

    await expect(started).rejects.toThrow(/SLACK_APP_TOKEN was refused by Slack \(invalid_auth\)/);
    await slack.stop();
  });
});
