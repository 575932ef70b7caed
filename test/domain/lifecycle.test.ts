import { describe, expect, it } from 'vitest';
import { allowedNext, refuseTransition } from '#domain/lifecycle.ts';

const STATUSES = ['investigating', 'identified', 'mitigated', 'resolved'];

describe('allowedNext', () => {
  it('goes forward only when nothing is configured, and may always resolve', () => {
    expect(allowedNext('identified', STATUSES, {})).toEqual(['mitigated', 'resolved']);
    expect(allowedNext('mitigated', STATUSES, {})).toEqual(['resolved']);
  });

  it('goes only where a configured status says, plus resolved', () => {
    expect(allowedNext('mitigated', STATUSES, { mitigated: ['identified'] })).toEqual(['identified', 'resolved']);
  });
});

describe('refuseTransition', () => {
  it('says which statuses are allowed from here', () => {
    expect(refuseTransition('mitigated', 'investigating', STATUSES, {})).toBe(
      'The status cannot go from mitigated to investigating. From mitigated it can go to: resolved (`/incident resolve`).',
    );
  });

  it('allows a forward step', () => {
    expect(refuseTransition('investigating', 'mitigated', STATUSES, {})).toBeNull();
  });
});
