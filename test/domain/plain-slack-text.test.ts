import { describe, expect, it } from 'vitest';
import { plainSlackText } from '#domain/plain-slack-text.ts';

describe('plainSlackText', () => {
  it('gives back what was typed from the markup an escaping slash command carries', () => {
    expect(plainSlackText('<#C0PAY|payments> down for <@U024BE7LH|ana>')).toBe('#payments down for @ana');
    expect(plainSlackText('see <https://status.example.com/x?a=1&amp;b=2>')).toBe(
      'see https://status.example.com/x?a=1&b=2',
    );
    expect(plainSlackText('<http://checkout.example.com|checkout.example.com> 502')).toBe('checkout.example.com 502');
    expect(plainSlackText('<!subteam^S0SRE|@sre-oncall> and <!here>')).toBe('@sre-oncall and @here');
    expect(plainSlackText('<mailto:ops@example.com|ops@example.com>')).toBe('ops@example.com');
    expect(plainSlackText('<@U024BE7LH> and <#C0PAY>')).toBe('@U024BE7LH and #C0PAY');
  });

  it('decodes the three entities Slack always encodes, &amp; last', () => {
    expect(plainSlackText('A &amp; B &lt;3 &gt; C')).toBe('A & B <3 > C');
    expect(plainSlackText('&amp;lt; stays as typed')).toBe('&lt; stays as typed');
  });

  it('keeps the address of a link written with other words', () => {
    expect(plainSlackText('see <https://runbooks.example.com/db|the runbook>')).toBe(
      'see the runbook (https://runbooks.example.com/db)',
    );
  });

  it('leaves text without markup as it is, and angle brackets that are not Slack markup', () => {
    expect(plainSlackText('Checkout latency | 🔥 #1')).toBe('Checkout latency | 🔥 #1');
    expect(plainSlackText('press <tab> then <Enter>')).toBe('press <tab> then <Enter>');
  });
});
