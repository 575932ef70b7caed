import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '#config/load-config.ts';
import { parseOwnerRef } from '#domain/owner-ref.ts';
import { tempDir } from '../helpers/git-repos.ts';

it('sends a team mapped to an email in reminders.owners to that person, and a team mapped to an ID to it', () => {
  const file = join(tempDir('scribe-config-'), 'team.yml');
  writeFileSync(file, 'reminders:\n  owners:\n    SRE: SRE-Oncall@example.com\n    Payments Team: S012ABC\n');
  const loaded = loadConfig({ SCRIBE_CONFIG: file });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));

  const sre = parseOwnerRef('sre', loaded.config.reminders.owners);
  const payments = parseOwnerRef('Payments Team', loaded.config.reminders.owners);

  expect(sre).toEqual({ kind: 'email', email: 'sre-oncall@example.com' });
  expect(payments).toEqual({ kind: 'usergroup', id: 'S012ABC' });
});
