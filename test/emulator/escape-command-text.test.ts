import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeCommandText } from '#emulator/escape-command-text.ts';
import { addPerson } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';

describe('escapeCommandText: what an escaping slash command carries for what was typed', () => {
  let slack: SlackEmulator;
  beforeEach(async () => {
    slack = await startSlackEmulator();
  });
  afterEach(() => slack.stop());

  it('marks up channels and people the workspace has, and links; encodes &, < and >', () => {
    const ana = addPerson(slack, 'ana');
    const payments = ana.createChannel('payments');

    const sent = escapeCommandText(
      slack.workspace,
      'declare #payments <down> & @ana: https://x.example.com/a?b=1 @nobody #nowhere',
    );

    expect(sent).toBe(
      `declare <#${payments.id}|payments> &lt;down&gt; &amp; <@${ana.id}|ana>: <https://x.example.com/a?b=1> @nobody #nowhere`,
    );
  });
});
