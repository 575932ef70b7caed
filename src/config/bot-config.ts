import { z } from 'zod';

const slackId = z.string().regex(/^[UWSCGB][A-Z0-9]+$/, 'expected a Slack ID such as U012ABCDEF, S0123 or C0123');

export const BotConfig = z
  .object({
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
  })
  .superRefine((config, ctx) => {
    if (!config.incident.severities.includes(config.incident.defaultSeverity)) {
      ctx.addIssue({
        code: 'custom',
        path: ['incident', 'defaultSeverity'],
        message: `expected one of ${config.incident.severities.join(', ')}`,
      });
    }
    for (const [path, zone] of [
      [['rca', 'timeZone'], config.rca.timeZone],
      [['reminders', 'timeZone'], config.reminders.timeZone],
    ] as const) {
      if (!isTimeZone(zone))
        ctx.addIssue({
          code: 'custom',
          path: [...path],
          message: `expected an IANA time zone such as Europe/Berlin, found "${zone}"`,
        });
    }
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
