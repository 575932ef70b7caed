import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '#config/load-config.ts';
import { calendarDay } from '#domain/calendar-day.ts';
import { privateRepoDirs } from '#domain/private-incident.ts';
import { isCalendarDate } from '#rca/parse-due-cell.ts';
import type { RemindCommandOptions } from './create-program.ts';
import { loadEnvFile } from './load-env-file.ts';
import { openRcaCheckout } from './open-rca-checkout.ts';
import { rcaDirsWarning } from './rca-dirs-warning.ts';
import { dryRunReminders } from './remind-dry-run.ts';

/** `scribe remind --dry-run`: the reminders a run would send today, from the RCA repository's files. */
export async function remind(options: RemindCommandOptions): Promise<number> {
  loadEnvFile();
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(`scribe remind: the configuration has problems:\n  ${loaded.errors.join('\n  ')}`);
    return 1;
  }
  const config = loaded.config;
  const today = options.today ?? calendarDay(new Date(), config.reminders.timeZone);
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!parts || !isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    console.error(`scribe remind: --today must be a date like 2025-04-07, not "${today}"`);
    return 2;
  }
  const source = repositoryToRead(options.repo, config.rca.repo, config.dataDir);
  if (source === null) {
    console.error(
      'scribe remind: which RCA repository? Give --repo <folder or git URL>, or set RCA_REPO (in the environment or .env)',
    );
    return 2;
  }
  const checkout = await openRcaCheckout(source.repo, config.rca.branch, source.from);
  if (!checkout.ok) {
    console.error(`scribe remind: ${checkout.message}`);
    return 1;
  }
  const privateSource = privateRepositoryToRead(options, config.incident.private.repo);
  const privateCheckout = privateSource
    ? await openRcaCheckout(privateSource.repo, config.rca.branch, privateSource.from)
    : null;
  if (privateCheckout && !privateCheckout.ok) {
    await checkout.close();
    console.error(`scribe remind: ${privateCheckout.message}`);
    return 1;
  }
  try {
    const privateDir = privateCheckout?.dir ?? null;
    const warnings = [
      rcaDirsWarning(checkout.dir, checkout.name, config.rca.dirs),
      privateCheckout &&
        rcaDirsWarning(
          privateCheckout.dir,
          privateCheckout.name,
          privateRepoDirs(config.rca.dirs, config.incident.private.rcaDir),
        ),
    ].filter((warning): warning is string => typeof warning === 'string');
    for (const warning of warnings) console.error(`scribe remind: warning: ${warning}`);
    const { files, lastRun, plan } = await dryRunReminders(checkout.dir, config, today, privateDir);
    const reminders = [...plan.reminders].map(([owner, items]) => ({
      owner,
      items: items.map(({ file, line, action, due, stage }) => ({ file, line, action, due, stage })),
    }));
    const needsAttention = plan.needsAttention.map(({ file, line, action, owner, reason }) => ({
      file,
      line,
      action,
      owner,
      reason,
    }));
    if (options.json) {
      const privateRepository = privateCheckout ? { privateRepository: privateCheckout.name } : {};
      const json = {
        repository: checkout.name,
        ...privateRepository,
        files,
        warnings,
        today,
        reminders,
        needsAttention,
      };
      console.log(JSON.stringify(json, null, 2));
      return 0;
    }
    const count = reminders.reduce((n, r) => n + r.items.length, 0);
    const where = privateCheckout
      ? `${checkout.name} and the private incidents' ${privateCheckout.name} (its files under /private-repo/)`
      : checkout.name;
    console.log(`Reminders for ${today} (last run taken as ${lastRun}), from ${files} RCA files in ${where}:`);
    if (count === 0) console.log('  nothing to send');
    for (const { owner, items } of reminders) {
      console.log(`\n${owner}`);
      for (const item of items)
        console.log(`  ${item.file}:${item.line}  ${item.action}  (due ${item.due}, ${item.stage})`);
    }
    if (needsAttention.length > 0) {
      console.log('\nNeeds attention:');
      for (const item of needsAttention) console.log(`  ${item.file}:${item.line}  ${item.action}  (${item.reason})`);
    }
    return 0;
  } finally {
    await checkout.close();
    await privateCheckout?.close();
  }
}

/**
 * The private incidents' own repository (`incident.private.repo`), read beside the main one as the
 * bot's reminder run reads it: `--private-repo`, or without `--repo`, RCA_PRIVATE_REPO. Given `--repo`
 * alone, only that repository is read.
 */
function privateRepositoryToRead(
  options: Pick<RemindCommandOptions, 'repo' | 'privateRepo'>,
  configured: string,
): { repo: string; from: string } | null {
  if (options.privateRepo !== undefined && options.privateRepo !== '')
    return { repo: options.privateRepo, from: '--private-repo' };
  if (options.repo !== undefined && options.repo !== '') return null;
  return configured === '' ? null : { repo: configured, from: 'RCA_PRIVATE_REPO' };
}

/** `--repo`, else RCA_REPO, else the bot's own local repository under the data directory; never `.`. */
function repositoryToRead(
  option: string | undefined,
  configured: string,
  dataDir: string,
): { repo: string; from: string } | null {
  if (option !== undefined && option !== '') return { repo: option, from: '--repo' };
  if (configured !== '') return { repo: configured, from: 'RCA_REPO' };
  const local = join(dataDir, 'rca-repo');
  return existsSync(local) ? { repo: local, from: `the bot's local repository` } : null;
}
