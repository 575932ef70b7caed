import { afterEach, describe, expect, it } from 'vitest';
import { declareFromNewChannel, eventually, type Harness, startHarness } from '../helpers/bot-harness.ts';

describe('inputs past Block Kit limits, against an emulator that refuses what Slack refuses', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('keeps the pinned summary updating after 500 services, and the next change shows', async () => {
    h = await startHarness();
    const incident = await declareFromNewChannel(h, 'declare sev2 Everything is slow');
    const services = Array.from({ length: 500 }, (_, i) => `service-${i}`).join(', ');

    const servicesAnswer = await h.people.ana.ask('/incident', `services ${services}`, incident.channelId!);
    const statusAnswer = await h.people.ana.ask('/incident', 'status mitigated', incident.channelId!);

    const summary = () =>
      h.slack.workspace.channels.get(incident.channelId!)!.messages.find((m) => m.ts === incident.summaryTs)!;
    await eventually(() => expect(JSON.stringify(summary().blocks)).toContain('mitigated'), 30_000);
    expect(servicesAnswer).toMatch(/^Affected services: service-0, /);
    expect(statusAnswer).toContain('to mitigated');
    expect(JSON.stringify(summary().blocks)).toMatch(/and \d+ more \(all in the RCA\)/);
    const refused = h.slack.calls.filter((c) => !c.ok && c.error === 'invalid_blocks');
    expect(refused).toEqual([]);
  });

  it('opens the declare form with 150 configured severities of 100 characters each, and declares with any of the first 100', async () => {
    const severities = Array.from({ length: 150 }, (_, i) => `SEV${i}-${'x'.repeat(95)}`);
    h = await startHarness({ config: { incident: { severities, defaultSeverity: severities[149] } } });
    const general = h.people.ana.createChannel('general');

    await h.people.ana.slash('/incident', 'declare', general.id);
    const view = await eventually(() => {
      const v = [...h.slack.workspace.views.values()].find((x) => x.userId === h.people.ana.id);
      expect(v).toBeTruthy();
      return v!;
    });
    const options = (JSON.stringify(view.view).match(/"value":"(SEV\d+-x+)"/g) ?? []).length;
    await h.people.ana.submitView({
      title: { title: { value: 'Many severities' } },
      severity: { severity: { selected_option: { value: severities[42] } } },
    });

    const declared = await eventually(async () => {
      const [i] = await h.store.listIncidents({});
      expect(i?.summaryTs).toBeTruthy();
      return i!;
    });
    expect(options).toBeLessThanOrEqual(101);
    expect(declared.severity).toBe(severities[42]);
    expect(h.slack.calls.filter((c) => c.method === 'views.open').every((c) => c.ok)).toBe(true);
  });
});
