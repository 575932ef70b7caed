import { describe, expect, it } from 'vitest';
import { appHomeOpened } from '#adapters/slack/listeners/app-home-opened.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import { buildAppHomeOpened } from '../../helpers/build-app-home-opened.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildListenerContext } from '../../helpers/build-listener-context.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';
import { rcaWithActions } from '../../helpers/rca-files.ts';

function arrange() {
  const bed = buildDeps();
  bed.memoryRepo!.edit(
    'RCAs/2030-03-01-db.md',
    rcaWithActions('DB outage', [
      ['Mine by mention', '<@UBOB>', '2030-04-10'],
      ['Mine by email', 'bob@example.com', '2030-04-11'],
      ['Mine by handle', '@bob', '2030-04-12'],
      ['Not mine', '<@UCAT>', '2030-04-10'],
    ]),
  );
  bed.chat.names.set('UBOB', 'bob');
  bed.chat.emails.set('UBOB', 'Bob@Example.com');
  const index = new RcaIndex(scanInProcess(bed.memoryRepo!.scanSource()), bed.store, bed.deps.config.rca.dirs);
  return { bed, ctx: buildListenerContext(bed, { index }).ctx };
}

describe('app_home_opened', () => {
  it('publishes the person own open action items and the open incidents', async () => {
    const { bed, ctx } = arrange();
    await buildOpenIncident(bed);
    await buildOpenIncident(bed, { id: 'inc-2', channelId: 'CINC2', status: 'resolved', title: 'Old one' });

    await appHomeOpened(ctx)(buildAppHomeOpened('UBOB').args);

    expect(bed.chat.homes).toHaveLength(1);
    expect(bed.chat.homes[0]?.userId).toBe('UBOB');
    const text = JSON.stringify(bed.chat.homes[0]?.view);
    expect(text).toContain('Mine by mention');
    expect(text).toContain('Mine by email');
    expect(text).toContain('Mine by handle');
    expect(text).not.toContain('Not mine');
    expect(text).toContain('<#CINC1> P2 · investigating · Checkout latency');
    expect(text).not.toContain('Old one');
  });

  it('publishes nothing for the Messages tab', async () => {
    const { bed, ctx } = arrange();

    await appHomeOpened(ctx)(buildAppHomeOpened('UBOB', 'messages').args);

    expect(bed.chat.homes).toEqual([]);
  });
});
