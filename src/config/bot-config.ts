import { z } from 'zod';
import { incidentRuleProblems } from './incident-rule-problems.ts';

const slackId = z.string().regex(/^[UWSCGB][A-Z0-9]+$/, 'expected a Slack ID such as U012ABCDEF, S0123 or C0123');

export const BotConfig = z.object({
  slack: z.object({
    mode: z.enum(['socket', 'http']),
    apiUrl: z.string().url(),
  }),
  server: z.object({ port: z.number().int().min(0).max(65535) }),
  incident: z.object({
    channelPrefix: z.string().regex(/^[a-z0-9_-]{0,20}$/, 'expected lowercase letters, digits, - or _, at most 20'),
    channelDate: z.boolean(),
    announcementsChannel: z.string(),
    responders: z.array(slackId),
    severities: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected a word like P1 or SEV1')).min(1),
    defaultSeverity: z.string(),
    statuses: z.array(z.string().regex(/^[a-z0-9_-]+$/, 'expected a lowercase word')).min(2),
    roles: z.array(z.string().regex(/^[a-z0-9_-]+$/, 'expected a lowercase word')).min(1),
    restrictTo: z.union([z.literal(''), slackId]),
    transitions: z.record(z.string(), z.array(z.string())),
    announcements: z.array(z.object({ channel: z.string().min(1), minSeverity: z.string().optional() })),
    updateEvery: z.record(
      z.string(),
      z.string().regex(/^\d{1,4}\s*(m|min|h|d)$/, 'expected a duration such as 30m, 1h or 4h'),
    ),
    updateCheckSeconds: z.number().int().min(1),
  }),
  timeline: z.object({
    emoji: z.string().regex(/^[a-z0-9_+'-]+$/, 'expected an emoji name without colons'),
    confirmEmoji: z.string().regex(/^[a-z0-9_+'-]+$/, 'expected an emoji name without colons'),
  }),
  rca: z.object({
    repo: z.string(),
    branch: z.string().min(1),
    strategy: z.enum(['commit', 'branch']),
    dirs: z
      .array(
        z
          .string()
          .refine(
            (d) => !d.split(/[\\/]/).includes('..') && !d.startsWith('/'),
            'expected a path inside the repository',
          ),
      )
      .min(1),
    template: z.string(),
    webUrl: z.string(),
    pullRequestUrl: z.string(),
    authorName: z.string().min(1),
    authorEmail: z.string().min(3),
    author: z.string().min(1),
    tags: z.array(z.string()),
    diagram: z.boolean(),
    statuses: z.array(z.string()),
    timeZone: z.string(),
  }),
  reminders: z.object({
    schedule: z.string(),
    timeZone: z.string(),
    before: z.array(z.number().int().min(0).max(365)),
    overdueEvery: z.number().int().min(1),
    overdueMax: z.number().int().min(0),
    owners: z.record(z.string(), z.string()),
    fallbackChannel: z.string(),
    digestSchedule: z.string(),
    digestChannels: z.record(z.string(), z.string()),
  }),
  dataDir: z.string().min(1),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']),
});
export type BotConfig = z.infer<typeof BotConfig>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Rules across fields, checked on the raw settings even when other fields are wrong, so one run lists
 * every problem.
 */
export function crossFieldProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const incident = (raw['incident'] ?? {}) as { severities?: unknown; defaultSeverity?: unknown };
  if (Array.isArray(incident.severities) && !incident.severities.includes(incident.defaultSeverity)) {
    problems.push(`incident.defaultSeverity: expected one of ${incident.severities.join(', ')}`);
  }
  problems.push(...incidentRuleProblems(incident));
  for (const section of ['rca', 'reminders'] as const) {
    const zone = ((raw[section] ?? {}) as { timeZone?: unknown }).timeZone;
    if (typeof zone === 'string' && !isTimeZone(zone)) {
      problems.push(`${section}.timeZone: expected an IANA time zone such as Europe/Berlin, found "${zone}"`);
    }
  }
  return problems;
}
