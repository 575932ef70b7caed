import { describe, expect, it } from 'vitest';
import { rcaBranch } from '#use-cases/rca-branch.ts';
import { buildConfig } from '../helpers/build-config.ts';

describe('rcaBranch', () => {
  it('is the RCA branch when drafts are committed there', () => {
    expect(rcaBranch(buildConfig({ rca: { branch: 'trunk' } }).rca, 'RCAs/2030-04-07-a.md')).toBe('trunk');
  });

  it('is the file own review branch in branch mode', () => {
    expect(rcaBranch(buildConfig({ rca: { strategy: 'branch' } }).rca, 'RCAs/2030-04-07-a.md')).toBe(
      'rca/2030-04-07-a',
    );
  });
});
