import { describe, expect, it } from 'vitest';
import { renderChannelTopic } from '#domain/channel-topic.ts';
import { renderRcaWebUrl } from '#domain/rca-web-url.ts';
import { resolvedStatus } from '#domain/resolved-status.ts';
import { parseUserMention, replaceUserMentions, userMentionIds } from '#domain/slack-mention.ts';

describe('resolvedStatus', () => {
  it('is the last configured status', () => {
    expect(resolvedStatus(['investigating', 'mitigated', 'closed'])).toBe('closed');
  });

  it('says what to fix when no status is configured', () => {
    expect(() => resolvedStatus([])).toThrow(/incident\.statuses/);
  });
});

describe('Slack user mentions', () => {
  it('reads the id of a whole mention, with or without the name Slack adds', () => {
    expect(parseUserMention('<@U012AB>')).toBe('U012AB');
    expect(parseUserMention('<@W9|maria>')).toBe('W9');
  });

  it('is not fooled by text around a mention, a channel or a user group', () => {
    expect(parseUserMention('hi <@U1>')).toBeNull();
    expect(parseUserMention('<#C1>')).toBeNull();
    expect(parseUserMention('<!subteam^S1>')).toBeNull();
    expect(parseUserMention('<@u1>')).toBeNull();
  });

  it('lists every mentioned id in order', () => {
    expect(userMentionIds('<@U1> and <@W2|ana>, again <@U1>; not <#C3>')).toEqual(['U1', 'W2', 'U1']);
  });

  it('replaces each mention by what the callback gives', () => {
    expect(replaceUserMentions('ask <@U1|x> or <@U2>', (id) => `@${id.toLowerCase()}`)).toBe('ask @u1 or @u2');
  });
});

describe('renderChannelTopic', () => {
  it('puts severity, status and title in that order', () => {
    expect(renderChannelTopic({ severity: 'P2', status: 'investigating', title: 'Checkout latency' })).toBe(
      'P2 · investigating · Checkout latency',
    );
  });
});

describe('renderRcaWebUrl', () => {
  it('fills the branch and the path', () => {
    expect(renderRcaWebUrl('https://git.example/r/blob/{branch}/{path}', 'main', 'rcas/a.md')).toBe(
      'https://git.example/r/blob/main/rcas/a.md',
    );
  });

  it('is null without a template', () => {
    expect(renderRcaWebUrl('', 'main', 'rcas/a.md')).toBeNull();
  });
});
