import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { LISTENERS, registerListeners } from '#adapters/slack/listeners/registry.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';

/** An App that records what is registered on it, by kind and name. */
function recordingApp() {
  const registered: string[] = [];
  const on = (kind: string) => (name: string, handler: unknown) => {
    if (typeof handler !== 'function') throw new Error(`${kind} ${name} got no handler`);
    registered.push(`${kind}:${name}`);
  };
  const app = {
    command: on('command'),
    event: on('event'),
    shortcut: on('shortcut'),
    view: on('view'),
    action: on('action'),
  };
  return { app: app as unknown as App, registered };
}

describe('registerListeners', () => {
  it('wires every listener of the table into the app, once', () => {
    const { app, registered } = recordingApp();

    registerListeners(app, buildListenerContext(buildDeps()).ctx);

    const expected = [
      ...Object.keys(LISTENERS.commands).map((n) => `command:${n}`),
      ...Object.keys(LISTENERS.events).map((n) => `event:${n}`),
      ...Object.keys(LISTENERS.shortcuts).map((n) => `shortcut:${n}`),
      ...Object.keys(LISTENERS.views).map((n) => `view:${n}`),
      ...Object.keys(LISTENERS.actions).map((n) => `action:${n}`),
    ];
    expect(registered).toEqual(expected);
    expect(registered).toContain('event:reaction_added');
    expect(registered).toContain('action:reminder_done');
  });

  it('adds the extra listeners it is given beside the table', () => {
    const { app, registered } = recordingApp();

    registerListeners(app, buildListenerContext(buildDeps()).ctx, {
      events: { member_joined_channel: () => async () => undefined },
      actions: { extra_button: () => async () => undefined },
    });

    expect(registered).toContain('event:member_joined_channel');
    expect(registered).toContain('action:extra_button');
  });
});
