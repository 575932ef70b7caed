import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DirectorySource } from '#adapters/git/directory-source.ts';
import { loadConfig } from '#config/load-config.ts';
import { calendarDay } from '#domain/calendar-day.ts';
import { planReminders } from '#domain/plan-reminders.ts';
import { dayBefore } from '#domain/reminder-policy.ts';
import { isCalendarDate } from '#rca/parse-due-cell.ts';
import { RcaIndex, scanInProcess } from '#use-cases/rca-index.ts';
import type { Command } from './command.ts';

export const remind: Command = {
  summary: 'Show the action-item reminders a run would send (no Slack, no store)',
  usage: '--dry-run [--repo <dir>] [--today YYYY-MM-DD] [--json]',
  options: {
    'dry-run': { type: 'boolean', description: 'Print what would be sent; send nothing (required)' },
    repo: {
      type: 'string',
      valueName: 'dir',
      description: "The RCA repository or folder (default: RCA_REPO or the bot's own)",
    },
    today: {
      type: 'string',
      valueName: 'YYYY-MM-DD',
      description: 'The day to plan for (default: today in reminders.timeZone)',
    },
    json: { type: 'boolean', description: 'Print JSON: { reminders, needsAttention }' },
  },
  async run(values) {
    if (!values['dry-run']) {
      console.error(
        'scribe remind: only --dry-run is available from the command line; the running bot sends reminders on its schedule (reminders.schedule).',
      );
      return 2;
    }
    const loaded = loadConfig();
    if (!loaded.ok) {
      console.error(`Configuration problems:\n  ${loaded.errors.join('\n  ')}`);
      return 1;
    }
    const config = loaded.config;
    const today = (values['today'] as string | undefined) ?? calendarDay(new Date(), config.reminders.timeZone);
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
    if (!parts || !isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
      console.error(`scribe remind: --today must be a date like 2025-04-07, not "${today}"`);
      return 2;
    }
    const repo = resolve((values['repo'] as string | undefined) ?? defaultRepo(config.rca.repo, config.dataDir));
    if (!existsSync(repo)) {
      console.error(`scribe remind: ${repo} does not exist; give the RCA repository with --repo <dir>`);
      return 1;
    }
    const { files } = await new RcaIndex(
      scanInProcess(new DirectorySource(repo)),
      null,
      config.rca.dirs,
      config.rca.actionItemHeadings,
    ).refresh();
    const lastRun = dayBefore(today);
    const plan = planReminders({ files, today, lastRun, policy: config.reminders, snoozes: new Map() });
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
    if (values['json']) {
      console.log(JSON.stringify({ reminders, needsAttention }, null, 2));
      return 0;
    }
    const count = reminders.reduce((n, r) => n + r.items.length, 0);
    console.log(`Reminders for ${today} (last run taken as ${lastRun}), from ${files.length} RCA files in ${repo}:`);
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
  },
};

function defaultRepo(configured: string, dataDir: string): string {
  if (configured !== '' && existsSync(configured)) return configured;
  for (const candidate of [join(dataDir, 'rca-clone'), join(dataDir, 'rca-repo')])
    if (existsSync(candidate)) return candidate;
  return '.';
}
