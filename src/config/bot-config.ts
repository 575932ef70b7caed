import { z } from 'zod';
import { WEBHOOK_EVENTS } from '#domain/webhook-event.ts';
import { cronSchedule } from './cron-schedule.ts';
import { expected, expectedSecret } from './expected.ts';
import { timeZone } from './time-zone.ts';

const userId = z.string().regex(/^[UW][A-Z0-9]+$/, expected('a Slack user ID such as U012ABCDEF'));
const userGroupId = z.string().regex(/^S[A-Z0-9]+$/, expected('a Slack user group ID such as S012ABCDEF'));
/** Who a team name in an RCA stands for: a person, a user group, a channel, or an email. */
const ownerTarget = z
  .string()
  .regex(
    /^(?:[UWSCG][A-Z0-9]+|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/,
    expected('a Slack user (U…), user group (S…) or channel (C…) ID, or an email such as sre@example.com'),
  );
const lowercaseWord = z.string().regex(/^[a-z0-9_-]+$/, expected('a lowercase word such as investigating'));
const emojiName = z.string().regex(/^[a-z0-9_+'-]+$/, expected('an emoji name without colons, such as pushpin'));
const text = z.string(expected('text'));
const flag = z.boolean(expected('true or false'));
const duration = z.string().regex(/^\d{1,4}\s*(m|min|h|d)$/, expected('a duration such as 30m, 1h or 4h'));
const list = <T extends z.ZodType>(item: T) => z.array(item, expected('a list, such as [a, b]'));
const map = <T extends z.ZodType>(value: T) => z.record(z.string(), value, expected('a map of name: value'));
const section = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape, expected('a section of settings'));

/** Every setting but the secrets: config/default.yml < the team's file (SCRIBE_CONFIG) < the environment. */
export const BotConfig = section({
  slack: section({
    mode: z.enum(['socket', 'http'], expected('socket or http')),
    apiUrl: z.url({ protocol: /^https?$/, ...expected('an http(s) URL such as https://slack.com/api/') }),
  }),
  server: section({
    port: z
      .int(expected('a port number such as 3000'))
      .min(0, expected('a port number such as 3000'))
      .max(65535, expected('a port number such as 3000')),
  }),
  database: section({
    // Only with DATABASE_URL: the PostgreSQL schema the tables live in (empty: the user's search_path).
    schema: z
      .string()
      .regex(/^([a-z_][a-z0-9_]{0,62})?$/, expected('a lowercase SQL identifier such as scribe, or nothing')),
  }),
  incident: section({
    channelPrefix: z
      .string()
      .regex(/^[a-z0-9_-]{0,20}$/, expected('lowercase letters, digits, - or _, at most 20, such as inc')),
    channelDate: flag,
    announcementsChannel: text,
    responders: list(userId),
    severities: list(z.string().regex(/^[A-Za-z0-9_-]+$/, expected('a word such as P1 or SEV1'))).min(
      1,
      expected('at least one severity, such as [P1, P2, P3]'),
    ),
    defaultSeverity: text,
    statuses: list(lowercaseWord).min(2, expected('at least two statuses, such as [investigating, resolved]')),
    roles: list(lowercaseWord).min(1, expected('at least one role, such as [lead]')),
    restrictTo: z.union([z.literal(''), userGroupId], expected('a Slack user group ID such as S012ABCDEF, or ""')),
    // Where `/incident status` may go from a status; statuses are checked in incident-rule-problems.ts.
    transitions: map(list(text)),
    announcements: list(
      z.strictObject(
        { channel: z.string().min(1, expected('a channel ID or name')), minSeverity: text.optional() },
        expected('{channel: C0123, minSeverity: P2}, minSeverity optional'),
      ),
    ),
    updateEvery: map(duration),
    updateCheckSeconds: z
      .int(expected('a number of seconds, at least 1, such as 60'))
      .min(1, expected('a number of seconds, at least 1, such as 60')),
    private: section({
      announce: z.enum(['none', 'existence'], expected('none or existence')),
      rcaDir: z
        .string()
        .refine(
          (d) => d !== '' && !d.split(/[\\/]/).includes('..') && !d.startsWith('/'),
          expected('a folder inside the repository, such as RCAs/private'),
        ),
      repo: text,
      commit: z.enum(['on-request', 'on-resolve'], expected('on-request or on-resolve')),
    }),
  }),
  timeline: section({
    emoji: emojiName,
    confirmEmoji: emojiName,
    keepMessagesDays: z
      .int(expected('a number of days such as 7'))
      .min(0, expected('a number of days such as 7'))
      .max(3650, expected('at most 3650 days')),
    userNameHours: z
      .int(expected('a number of hours such as 24'))
      .min(1, expected('at least 1 hour'))
      .max(8760, expected('at most 8760 hours (a year)')),
  }),
  rca: section({
    repo: text,
    branch: z.string().min(1, expected('a branch name such as main')),
    strategy: z.enum(['commit', 'branch'], expected('commit or branch')),
    dirs: list(
      z
        .string()
        .refine(
          (d) => d !== '' && !d.split(/[\\/]/).includes('..') && !d.startsWith('/'),
          expected('a folder inside the repository, such as RCAs'),
        ),
    ).min(1, expected('at least one folder, such as [RCAs]')),
    template: text,
    webUrl: text,
    pullRequestUrl: text,
    authorName: z.string().min(1, expected('a name such as Incident Scribe')),
    authorEmail: z.string().min(3, expected('an email such as incident-scribe@example.com')),
    author: z.string().min(1, expected('a name such as Incident Scribe')),
    tags: list(text),
    diagram: flag,
    statuses: list(text),
    timeZone,
    // How often unpushed commits are retried; below a second the retries (and git gc) would run back to back.
    pushRetryMs: z
      .int(expected('milliseconds, at least 1000, such as 60000'))
      .min(1000, expected('milliseconds, at least 1000, such as 60000')),
    actionItemHeadings: list(z.string().regex(/[\p{L}\p{N}]/u, expected('a heading such as "Action Items"'))).min(
      1,
      expected('at least one heading, such as [Action Items]'),
    ),
    // Pull requests (GitHub) or merge requests (GitLab) for review-branch drafts; RCA_REVIEW_TOKEN is the token.
    review: section({
      provider: z.enum(['none', 'github', 'gitlab'], expected('none, github or gitlab')),
      repository: text,
      apiUrl: z.union(
        [z.literal(''), z.url({ protocol: /^https?$/ })],
        expected('an http(s) URL such as https://api.github.com, or ""'),
      ),
      people: z.record(
        z.string().regex(/^[UW][A-Z0-9]+$/, expected('a Slack user ID such as U012ABCDEF')),
        z.string().regex(/^[\w.-]+$/, expected('a GitHub login or GitLab username such as octocat')),
        expected('a map of Slack user ID: login'),
      ),
      reviewers: list(z.string().regex(/^[\w.-]+$/, expected('a GitHub login or GitLab username such as octocat'))),
      labels: list(z.string().min(1, expected('a label such as rca'))),
      // How often open reviews are asked whether they were merged.
      checkEvery: z.string().regex(/^[1-9]\d{0,3}\s*(s|m|h)$/, expected('a duration such as 30s, 10m or 1h (not 0)')),
    }),
  }),
  reminders: section({
    schedule: cronSchedule,
    timeZone,
    before: list(z.int(expected('a number of days from 0 to 365')).min(0).max(365)),
    overdueEvery: z.int(expected('a number of days, at least 1')).min(1, expected('a number of days, at least 1')),
    overdueMax: z.int(expected('a count, 0 or more')).min(0, expected('a count, 0 or more')),
    owners: map(ownerTarget),
    fallbackChannel: text,
    digestSchedule: cronSchedule,
    digestChannels: map(text),
  }),
  lint: section({ rules: map(z.enum(['error', 'warn', 'off'], expected('error, warn or off'))) }),
  actions: section({
    tracker: section({
      provider: z.enum(['none', 'github', 'jira', 'linear'], expected('none, github, jira or linear')),
      // GitHub: the repository issues are opened in.
      repository: z
        .string()
        .regex(/^([\w.-]+\/[\w.-]+)?$/, expected('a repository as owner/name, such as acme/ops, or nothing')),
      // Jira: the project key and issue type issues are opened with; Linear: the team key.
      project: z
        .string()
        .regex(/^([A-Z][A-Z0-9_]*)?$/, expected('a Jira project or Linear team key such as OPS, or nothing')),
      issueType: z.string().min(1, expected('a Jira issue type such as Task')),
      // Empty: the provider's own (api.github.com, api.linear.app); Jira needs its site.
      apiUrl: z.union(
        [z.literal(''), z.url({ protocol: /^https?$/ })],
        expected('an http(s) URL such as https://acme.atlassian.net, or nothing'),
      ),
      labels: list(text),
      closeOnDone: flag,
    }),
  }),
  webhooks: list(
    section({
      url: z.url({ protocol: /^https?$/, ...expected('an http(s) URL such as https://hooks.example.com/scribe') }),
      events: list(z.enum(WEBHOOK_EVENTS, expected(`one of ${WEBHOOK_EVENTS.join(', ')}`))).min(
        1,
        expected('at least one event, such as [declared, resolved]'),
      ),
      // The name of the variable holding the signing secret: secrets stay out of YAML files.
      secret: z
        .string()
        .regex(
          /^[A-Z][A-Z0-9_]*$/,
          expectedSecret(
            'the name of the environment variable holding the signing secret, such as PAGER_WEBHOOK_SECRET (the secret itself goes in that variable, never in a file)',
          ),
        ),
    }),
  ),
  dataDir: z.string().min(1, expected('a folder such as ./data')),
  logLevel: z.enum(['debug', 'info', 'warn', 'error'], expected('debug, info, warn or error')),
});
export type BotConfig = z.infer<typeof BotConfig>;
