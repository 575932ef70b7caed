import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createReviewRequests } from '#adapters/review/create-review-requests.ts';
import { parseRepositoryUrl } from '#adapters/review/parse-repository-url.ts';
import { loadConfig } from '#config/load-config.ts';

describe('the repository a review goes to', () => {
  it('reads owner/name and GitLab group paths from https, scp-like ssh and ssh:// URLs', () => {
    expect(parseRepositoryUrl('https://github.com/acme/postmortems.git')).toEqual({
      host: 'github.com',
      path: 'acme/postmortems',
    });
    expect(parseRepositoryUrl('https://bot:tok@github.com/acme/postmortems')).toEqual({
      host: 'github.com',
      path: 'acme/postmortems',
    });
    expect(parseRepositoryUrl('git@github.com:acme/postmortems.git')).toEqual({
      host: 'github.com',
      path: 'acme/postmortems',
    });
    expect(parseRepositoryUrl('ssh://git@gitlab.example.com:2222/sre/platform/rcas.git')).toEqual({
      host: 'gitlab.example.com',
      path: 'sre/platform/rcas',
    });
    expect(parseRepositoryUrl('/srv/git/postmortems.git')).toBeNull();
  });

  it('lists everything missing for a provider at once, naming the setting or variable', () => {
    const loaded = loadConfig({}, { rca: { repo: '/srv/git/postmortems.git', review: { provider: 'github' } } });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));

    const built = createReviewRequests(loaded.config.rca, {
      repo: '/srv/git/postmortems.git',
      token: undefined,
      apiUrl: undefined,
      log: pino({ level: 'silent' }),
    });

    expect(built.ok ? [] : built.problems).toEqual([
      expect.stringMatching(/^rca\.review\.repository is empty and RCA_REPO \(\/srv\/git\/postmortems\.git\)/),
      expect.stringMatching(/^RCA_REVIEW_TOKEN is not set: .*pull_requests: write/),
      expect.stringMatching(/set rca\.strategy to branch/),
    ]);
  });

  it('builds nothing when the provider is none', () => {
    const loaded = loadConfig({}, {});
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));

    const built = createReviewRequests(loaded.config.rca, {
      repo: '',
      token: undefined,
      apiUrl: undefined,
      log: pino({ level: 'silent' }),
    });

    expect(built).toEqual({ ok: true, review: null });
  });
});
