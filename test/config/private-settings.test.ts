import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '#config/load-settings.ts';
import { tempDir } from '../helpers/git-repos.ts';

function load(yaml: string, env: Record<string, string> = {}) {
  const file = join(tempDir('scribe-config-'), 'team.yml');
  writeFileSync(file, yaml);
  return loadSettings({ env: { SCRIBE_CONFIG: file, ...env } });
}

describe('incident.private settings', () => {
  it('defaults to announcing nothing, RCAs/private and committing on request', () => {
    const result = load('{}\n');

    expect(result.ok && result.settings.config.incident.private).toEqual({
      announce: 'none',
      rcaDir: 'RCAs/private',
      repo: '',
      commit: 'on-request',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads RCA_PRIVATE_REPO into incident.private.repo', () => {
    const result = load('{}\n', { RCA_PRIVATE_REPO: 'git@github.com:acme/private-postmortems.git' });

    expect(result.ok && result.settings.config.incident.private.repo).toBe(
      'git@github.com:acme/private-postmortems.git',
    );
  });

  it('says what each key expects, and which one is unknown', () => {
    const result = load(
      'incident:\n  private:\n    announce: title\n    commit: later\n    rcaDir: ../elsewhere\n    anounce: none\n',
    );

    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.join('\n');
    expect(errors).toContain('incident.private.announce: expected none or existence, found "title"');
    expect(errors).toContain('incident.private.commit: expected on-request or on-resolve, found "later"');
    expect(errors).toContain('incident.private.rcaDir: expected a folder inside the repository, such as RCAs/private');
    expect(errors).toMatch(/incident\.private\.anounce: unknown setting; did you mean "announce"\?/);
  });

  it('warns when the private folder is outside rca.dirs, where the reminders never look', () => {
    expect(load('incident:\n  private:\n    rcaDir: Secret\n').warnings).toEqual([
      'incident.private.rcaDir: "Secret" is outside rca.dirs (RCAs), so private incidents\' action items get no reminders; put it inside one of them, such as RCAs/private',
    ]);
    expect(load('incident:\n  private:\n    rcaDir: Secret\n    repo: /srv/secret.git\n').warnings).toEqual([]);
  });
});
