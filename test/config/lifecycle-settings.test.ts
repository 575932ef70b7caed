import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';

describe('lifecycle and status-update settings', () => {
  it('names a transition or an announcement severity that is not configured, with what is allowed', () => {
    const loaded = loadConfig(
      {},
      {
        incident: {
          transitions: { mitigated: ['investigatin'], closed: [] },
          announcements: [{ channel: 'C0123', minSeverity: 'SEV9' }],
        },
      },
    );

    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'incident.transitions.mitigated[0]: expected one of investigating, identified, mitigated, resolved, found "investigatin"',
        ),
        expect.stringContaining('incident.transitions.closed: expected one of'),
        expect.stringContaining('incident.announcements[0].minSeverity: expected one of P1, P2, P3, P4, found "SEV9"'),
      ]),
    );
  });

  it('accepts other severities with the default cadence in place', () => {
    const loaded = loadConfig(
      {},
      { incident: { severities: ['SEV1', 'SEV2'], defaultSeverity: 'SEV2', updateEvery: { SEV1: '15m' } } },
    );

    expect(loaded.ok).toBe(true);
  });

  it('names a cadence for a severity that is not configured, and what the severities are', () => {
    const loaded = loadConfig(
      {},
      { incident: { severities: ['SEV1', 'SEV2'], defaultSeverity: 'SEV2', updateEvery: { SEV1: '15m', SEV3: '1h' } } },
    );

    expect(loaded.ok ? [] : loaded.errors).toEqual([
      'incident.updateEvery.SEV3: "SEV3" is not a severity (incident.severities is SEV1, SEV2); name one of those, or remove it',
    ]);
  });

  it('names a default severity given a new cadence after the team renamed its severities', () => {
    const loaded = loadConfig(
      {},
      { incident: { severities: ['SEV1'], defaultSeverity: 'SEV1', updateEvery: { SEV1: '15m', P1: '10m' } } },
    );

    expect(loaded.ok ? [] : loaded.errors.join('\n')).toContain('incident.updateEvery.P1: "P1" is not a severity');
  });

  it('refuses a cadence that is not a duration', () => {
    const loaded = loadConfig({}, { incident: { updateEvery: { P1: 'often' } } });

    expect(loaded.ok ? [] : loaded.errors.join('\n')).toContain('expected a duration such as 30m, 1h or 4h');
  });
});
