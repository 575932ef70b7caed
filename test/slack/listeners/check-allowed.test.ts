import { describe, expect, it } from 'vitest';
import { checkAllowed } from '#adapters/slack/listeners/check-allowed.ts';
import { buildDeps } from '../../helpers/build-deps.ts';
import { buildOpenIncident } from '../../helpers/build-open-incident.ts';

describe('checkAllowed', () => {
  it('allows people in the incident channel and refuses the others', async () => {
    const bed = buildDeps();
    const incident = await buildOpenIncident(bed, {}, ['UANA']);

    expect(await checkAllowed(bed.deps, 'UANA', 'severity', incident)).toBeNull();
    expect(await checkAllowed(bed.deps, 'UOUT', 'severity', incident)).toBe(
      'Only people in <#CINC1> can change this incident. Join the channel first.',
    );
  });

  it('narrows declare, resolve and reopen to incident.restrictTo, and nothing else', async () => {
    const bed = buildDeps({ config: { incident: { restrictTo: 'SRESP' } } });
    bed.chat.usergroups.set('SRESP', ['UANA']);
    const incident = await buildOpenIncident(bed, {}, ['UANA', 'UBOB']);

    expect(await checkAllowed(bed.deps, 'UANA', 'declare', null)).toBeNull();
    expect(await checkAllowed(bed.deps, 'UBOB', 'resolve', incident)).toContain(
      'Only members of <!subteam^SRESP> can resolve',
    );
    expect(await checkAllowed(bed.deps, 'UBOB', 'note', incident)).toBeNull();
  });
});
