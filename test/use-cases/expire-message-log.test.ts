import { describe, expect, it } from 'vitest';
import { expireMessageLog } from '#use-cases/expire-message-log.ts';
import { buildDeps } from '../helpers/build-deps.ts';
import { buildIncident } from '../helpers/build-incident.ts';

const message = (channelId: string) => ({
  channelId,
  ts: '1901784600.000100',
  threadTs: null,
  userId: 'UCAT',
  text: 'hi',
  deleted: false,
  version: '1',
});

describe('expireMessageLog', () => {
  it('keeps the channel log timeline.keepMessagesDays more days, then trims it', async () => {
    const bed = buildDeps({ config: { timeline: { keepMessagesDays: 2 } } });
    await bed.messages.record(message('CINC1'));
    await bed.messages.record(message('COTHER'));

    await expireMessageLog(bed.deps, buildIncident());
    expect(bed.messages.expiries.get('CINC1')).toBe('2030-04-09T10:00:00.000Z');
    expect(await bed.messages.get('CINC1', '1901784600.000100')).not.toBeNull();

    bed.clock.set('2030-04-09T10:00:00.000Z');
    await expireMessageLog(bed.deps, buildIncident({ channelId: 'CLATER' }));

    expect(await bed.messages.get('CINC1', '1901784600.000100')).toBeNull();
    expect(await bed.messages.get('COTHER', '1901784600.000100')).not.toBeNull();
  });

  it('does nothing for an incident without a channel', async () => {
    const bed = buildDeps();

    await expireMessageLog(bed.deps, buildIncident({ channelId: null }));

    expect(bed.messages.expiries.size).toBe(0);
  });
});
