import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import YAML from 'yaml';
import { createPostgresStore, createSqliteStore } from '#adapters/store/create-store.ts';
import type { BotConfig } from '#config/bot-config.ts';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { loadSettings } from '#config/load-settings.ts';
import type { Incident } from '#domain/incident.ts';
import { type RunningBot, startBot } from '#src/main.ts';
import type { Secrets } from '#config/secrets.ts';
import type { Clock } from '#src/ports.ts';
import { addPerson, type Person } from '#emulator/person.ts';
import { type SlackEmulator, startSlackEmulator } from '#emulator/slack-emulator.ts';

/** The bot's store, opened a second time on the same data (the SQLite file or the PostgreSQL schema). */
export type BotData = ReturnType<typeof createSqliteStore>;

export interface Harness {
  slack: SlackEmulator;
  bot: RunningBot;
  /** What the bot stored, read (and written, as another replica would) through a handle of the test's own. */
  store: BotData;
  config: BotConfig;
  secrets: Secrets;
  logs: string[];
  dataDir: string;
  env: Record<string, string>;
  people: { ana: Person; ben: Person; cho: Person };
  /** A file as committed in the bot's RCA clone (main branch unless told), or null. */
  rcaFile(path: string, branch?: string): string | null;
  /** The bot's RCA clone, a git working directory. */
  rcaClone: string;
  /** What `/metrics` says now. */
  metrics(): Promise<string>;
  restart(): Promise<RunningBot>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'socket' | 'http';
  databaseUrl?: string;
  databaseSchema?: string;
  config?: Record<string, unknown>;
  clock?: Clock;
  dataDir?: string;
  /** RCA_REPO for the bot (a bare remote in tests); unset: a local repository under the data directory. */
  rcaRepo?: string;
  /** Extra environment for the bot (RCA_PUSH_RETRY_MS, …). */
  env?: Record<string, string>;
  /** Use this emulator instead of starting one (several bots against one Slack). */
  slack?: SlackEmulator;
  /** Config that depends on the workspace (channel ids): called once the emulator and people exist. */
  configFor?: (slack: SlackEmulator, people: Harness['people']) => Record<string, unknown>;
}

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** The real Bolt app, over Socket Mode or signed HTTP, against the local Slack emulator. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const mode = options.mode ?? 'socket';
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'scribe-bot-'));
  const slack = options.slack ?? (await startSlackEmulator({ scopes: manifestScopes() }));
  const people = { ana: addPerson(slack, 'ana'), ben: addPerson(slack, 'ben'), cho: addPerson(slack, 'cho') };
  const logs: string[] = [];
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: slack.botToken,
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: slack.appToken } : { SLACK_SIGNING_SECRET: slack.signingSecret }),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.databaseSchema ? { DATABASE_SCHEMA: options.databaseSchema } : {}),
    ...(options.env ?? {}),
  };
  const loaded = loadSettings({
    env,
    overrides: {
      slack: { mode, apiUrl: slack.apiUrl },
      server: { port: 0 },
      dataDir,
      logLevel: 'debug',
      ...(options.config ?? {}),
      ...(options.configFor?.(slack, people) ?? {}),
      ...(options.rcaRepo ? { rca: { ...((options.config?.['rca'] as object) ?? {}), repo: options.rcaRepo } } : {}),
    },
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const { config, secrets } = loaded.settings;
  const logDestination = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const start = async () => {
    const bot = await startBot({
      config,
      secrets,
      logDestination,
      env,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    if (mode === 'http') slack.options.httpTarget = `http://127.0.0.1:${bot.port}/slack/events`;
    else await slack.waitForConnection();
    return bot;
  };
  const bot = await start();
  const rcaClone = resolve(config.dataDir, config.rca.repo ? 'rca-clone' : 'rca-repo');
  const harness: Harness = {
    slack,
    bot,
    store: secrets.databaseUrl
      ? createPostgresStore(secrets.databaseUrl, config.database.schema || undefined)
      : createSqliteStore(join(resolve(config.dataDir), 'scribe.sqlite')),
    config,
    secrets,
    rcaClone,
    rcaFile(path, branch = config.rca.branch) {
      try {
        return execFileSync('git', ['show', `${branch}:${path}`], { cwd: rcaClone, encoding: 'utf8', stdio: 'pipe' });
      } catch {
        return null;
      }
    },
    metrics: async () => (await fetch(`http://127.0.0.1:${harness.bot.port}/metrics`)).text(),
    logs,
    dataDir,
    env,
    people,
    async restart() {
      await harness.bot.stop();
      harness.bot = await start();
      return harness.bot;
    },
    async stop() {
      await harness.bot.stop();
      await harness.store.close();
      await slack.stop();
    },
  };
  return harness;
}

/** Waits until `check` passes (the bot's work after an ack is asynchronous). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 15));
    }
  }
}

/** The bot scopes manifest.yml grants: the emulator refuses calls that need any other. */
export function manifestScopes(): string[] {
  const manifest = YAML.parse(readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
  };
  return manifest.oauth_config.scopes.bot;
}

/**
 * Ana declares an incident from a fresh channel (`/incident <text>`); resolves once its summary is
 * pinned, with the incident as stored.
 */
export async function declareFromNewChannel(h: Harness, text: string): Promise<Incident> {
  const before = new Set((await h.store.listIncidents({})).map((i) => i.id));
  const general = h.people.ana.createChannel(`general-${Math.random().toString(36).slice(2, 8)}`);
  await h.people.ana.slash('/incident', text, general.id);
  return eventually(async () => {
    const incident = (await h.store.listIncidents({})).find((i) => !before.has(i.id) && i.summaryTs !== null);
    expect(incident).toBeTruthy();
    return incident!;
  });
}

/** Waits for the incident's RCA draft to be committed; gives its path. */
export async function rcaPathOf(h: Harness, incidentId: string, timeoutMs = 15_000): Promise<string> {
  return eventually(async () => {
    const incident = await h.store.getIncident(incidentId);
    expect(incident?.rcaPath).toBeTruthy();
    return incident!.rcaPath!;
  }, timeoutMs);
}
