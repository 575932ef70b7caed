import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { LISTENERS } from '#adapters/slack/listeners/registry.ts';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { declareFromNewChannel, eventually, type Harness, startHarness } from './helpers/bot-harness.ts';
import { loadApiReference } from '#emulator/api-reference.ts';
import { MESSAGE_SUBSCRIPTIONS } from '#emulator/scope-check.ts';

const SCHEMAS = join(PROJECT_ROOT, 'test/fixtures/slack/manifest-schema');
const API_REF = join(PROJECT_ROOT, 'src/emulator/api-ref');
const BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const manifest = YAML.parse(readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8'));
/** Bolt's event names as the manifest spells them: messages of public and of private channels. */
const EVENT_NAMES: Record<string, string[]> = { message: ['message.channels', 'message.groups'] };
/** Scopes that event subscriptions and features need, beyond the Web API methods called. */
const FEATURE_SCOPES: Record<string, string[]> = {
  ...Object.fromEntries(Object.values(MESSAGE_SUBSCRIPTIONS).map(({ event, scope }) => [event, [scope]])),
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  slash_commands: ['commands'],
  shortcuts: ['commands'],
};

describe('manifest.yml', () => {
  it("is valid against Slack's manifest JSON Schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const version of ['1.0.0', '2.0.0']) {
      ajv.addSchema(
        JSON.parse(readFileSync(join(SCHEMAS, `schemas/manifest.schema.${version}.json`), 'utf8')),
        `${BASE}manifest.schema.${version}.json`,
      );
    }
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'manifest.schema.json'), 'utf8')));

    const valid = validate(manifest);

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares exactly the commands, events and shortcuts the code registers', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(
      Object.keys(LISTENERS.commands).sort(),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      Object.keys(LISTENERS.events)
        .flatMap((e) => EVENT_NAMES[e] ?? [e])
        .sort(),
    );
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id).sort()).toEqual(
      Object.keys(LISTENERS.shortcuts).sort(),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  describe('scopes', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
      const { ana, ben } = h.people;
      const incident = await declareFromNewChannel(h, 'declare sev2 Scope check');
      const channel = incident.channelId!;
      ben.join(channel);
      const ts = await ben.post(channel, 'Something broke');
      await ana.react(channel, ts, 'pushpin');
      await eventually(async () =>
        expect((await h.store.listTimeline(incident.id)).some((e) => e.kind === 'message' && !e.pending)).toBe(true),
      );
      await ana.unreact(channel, ts, 'pushpin');
      await ana.ask('/incident', `lead ${ben.mention}`, channel);
      await ana.ask('/incident', 'resolve Rolled back', channel);
      await eventually(() => expect(h.slack.calls.some((c) => c.method === 'chat.update')).toBe(true));
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("finds every method the bot calls in the copy of Slack's reference the emulator serves", () => {
      const reference = loadApiReference(API_REF);

      const called = [...new Set([...h.slack.calls.map((c) => c.method), ...methodsTheCodeCalls()])];

      expect(called.filter((method) => reference.method(method) === null)).toEqual([]);
    });

    it('grants every scope a call the bot made needs', () => {
      const reference = loadApiReference(API_REF);
      const granted: string[] = manifest.oauth_config.scopes.bot;

      const uncovered = [...new Set([...h.slack.calls.map((c) => c.method), ...methodsTheCodeCalls()])].filter(
        (method) => {
          const needs = reference.method(method)?.botScopes ?? [];
          return needs.length > 0 && !needs.some((s) => granted.includes(s));
        },
      );

      expect(uncovered).toEqual([]);
      expect(h.slack.calls.filter((c) => c.error === 'missing_scope')).toEqual([]);
    });

    it('asks for no scope that nothing uses', () => {
      const reference = loadApiReference(API_REF);
      const used = new Set<string>();
      for (const method of new Set([...h.slack.calls.map((c) => c.method), ...methodsTheCodeCalls()])) {
        for (const s of reference.method(method)?.botScopes ?? []) used.add(s);
      }
      for (const event of manifest.settings.event_subscriptions.bot_events)
        for (const s of FEATURE_SCOPES[event] ?? []) used.add(s);
      for (const s of FEATURE_SCOPES['slash_commands']!) used.add(s);

      expect(manifest.oauth_config.scopes.bot.filter((s: string) => !used.has(s))).toEqual([]);
    });
  });
});

/** Every Web API method the Chat adapter can call, read from its source (some run only for reminders). */
function methodsTheCodeCalls(): string[] {
  const source = readFileSync(join(PROJECT_ROOT, 'src/adapters/slack/slack-chat.ts'), 'utf8');
  return [
    ...[...source.matchAll(/this\.client\.([a-z]+(?:\.[a-zA-Z]+)+)\(/g)].map((m) => m[1]!),
    ...[...source.matchAll(/paginate\('([a-z.A-Z]+)'/g)].map((m) => m[1]!),
  ];
}
