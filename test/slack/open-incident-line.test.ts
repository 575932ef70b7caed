import { describe, expect, it } from 'vitest';
import { renderOpenIncidentLine } from '#adapters/slack/blocks/open-incident-line.ts';

describe('renderOpenIncidentLine', () => {
  it('links the channel and shows severity, status and title', () => {
    expect(renderOpenIncidentLine({ channelId: 'C1', severity: 'P2', status: 'identified', title: 'DB down' })).toBe(
      '• <#C1> P2 · identified · DB down',
    );
  });

  it('escapes mrkdwn in the title so it cannot ping or link', () => {
    const line = renderOpenIncidentLine({ channelId: 'C1', severity: 'P1', status: 'open', title: '<!here> & co' });

    expect(line).toBe('• <#C1> P1 · open · &lt;!here&gt; &amp; co');
  });

  it('says there is no channel instead of linking <#null>', () => {
    const line = renderOpenIncidentLine({ channelId: null, severity: 'P2', status: 'investigating', title: 'Down' });

    expect(line).toBe('• (no channel) P2 · investigating · Down');
  });
});
