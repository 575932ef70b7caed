import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPrivateRcaPath, pathInPrivateRepo, privateRepoFile } from '#domain/private-incident.ts';
import { PROPERTY_TIMEOUT, runs } from '../helpers/property-runs.ts';

describe("a private incident's RCA files", () => {
  it("are those in rcaDir of the main repository, and every file of the private incidents' own", () => {
    expect(isPrivateRcaPath('RCAs/private/a.md', 'RCAs/private')).toBe(true);
    expect(isPrivateRcaPath('RCAs/private/a.md', './RCAs/private/')).toBe(true);
    expect(isPrivateRcaPath('RCAs/privateer/a.md', 'RCAs/private')).toBe(false);
    expect(isPrivateRcaPath('RCAs/a.md', 'RCAs/private')).toBe(false);
    expect(isPrivateRcaPath(privateRepoFile('RCAs/a.md'), 'RCAs/private')).toBe(true);
  });

  it(
    'name a private-repository file apart from every main-repository path, and give its path back',
    () => {
      // A git path never starts with "/": a main-repository path is never read as a private one.
      const gitPath = fc
        .array(fc.stringMatching(/^[^/\0]+$/), { minLength: 1, maxLength: 4 })
        .map((parts) => parts.join('/'));
      fc.assert(
        fc.property(gitPath, (path) => {
          expect(pathInPrivateRepo(path)).toBeNull();
          expect(pathInPrivateRepo(privateRepoFile(path))).toBe(path);
          expect(privateRepoFile(path)).not.toBe(path);
        }),
        { numRuns: runs(200) },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
