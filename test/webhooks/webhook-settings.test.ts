import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/git-repos.ts';
import { runScribe } from '../helpers/run-scribe.ts';

const start = (yaml: string, env: Record<string, string> = {}) => {
  const dir = tempDir('scribe-hooks-');
  const file = join(dir, 'team.yml');
  writeFileSync(file, yaml);
  return runScribe(['start'], {
    cwd: dir,
    env: {
      SCRIBE_CONFIG: file,
      SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdefabcdef',
      SLACK_APP_TOKEN: 'xapp-1-A111-2222-abcdefabcdef',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      ...env,
    },
  });
};

describe('scribe start with webhooks', () => {
  it('refuses a signing key written in the YAML, an unknown event and a URL that is not http(s)', async () => {
    const result = await start(
      'webhooks:\n  - url: ftp://hooks.example.com\n    events: [declared, paged]\n    secret: 3f9a0c1d2e7b\n',
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'webhooks[0].url: expected an http(s) URL such as https://hooks.example.com/scribe',
    );
    expect(result.stderr).toContain(
      'webhooks[0].events[1]: expected one of declared, status, severity, update, resolved, rca',
    );
    expect(result.stderr).toContain(
      'webhooks[0].secret: expected the name of the environment variable holding the signing secret, such as PAGER_WEBHOOK_SECRET',
    );
    expect(result.stderr).not.toContain('3f9a0c1d2e7b');
  });

  it('names the variable a webhook needs when it is not set, before connecting to Slack', async () => {
    const result = await start(
      'webhooks:\n  - url: https://hooks.example.com/scribe\n    events: [declared]\n    secret: PAGER_WEBHOOK_SECRET\n',
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'webhooks[0].secret: PAGER_WEBHOOK_SECRET is not set; set it to the shared secret hooks.example.com checks X-Scribe-Signature with',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
