import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '#config/load-config.ts';
import type { RcaRepository } from '#src/ports.ts';
import type { Deps, RcaDeps, TrackerDeps } from '#use-cases/deps.ts';
import { RelatedRcas } from '#use-cases/related-rcas.ts';
import { buildClock, type TestClock } from './build-clock.ts';
import { buildConfig } from './build-config.ts';
import { buildIds } from './build-ids.ts';
import { MemoryActionTracker } from './memory-action-tracker.ts';
import { MemoryIncidentEvents } from './memory-incident-events.ts';
import { MemoryMessageLog } from './memory-message-log.ts';
import { MemoryRcaRepository } from './memory-rca-repository.ts';
import { MemoryReviewRecords } from './memory-review-records.ts';
import { MemoryReviewRequests } from './memory-review-requests.ts';
import { createMemoryStore, type MemoryStore } from './memory-store.ts';
import { MemoryTrackerLinks } from './memory-tracker-links.ts';
import { MemoryUserNameCache } from './memory-user-name-cache.ts';
import { RecordingChat } from './recording-chat.ts';

const TEMPLATE = readFileSync(join(PROJECT_ROOT, 'templates/rca.md'), 'utf8');

export interface BuildDepsOptions {
  /** Settings layered over config/default.yml (validated by the bot's own schema). */
  config?: Record<string, unknown>;
  now?: string;
  /** The RCA repository: in memory unless a test gives a real one (a `SimpleGitRcaRepository`). */
  repo?: RcaRepository;
  /** Open pull requests for drafts (with `rca.strategy: branch`). */
  review?: boolean;
  /** An issue tracker for action items. */
  tracker?: boolean;
  /** What resolving or `/incident rca` sets off; recorded in `rcaRequests` when not given. */
  onRcaRequested?: (deps: Deps, incidentId: string, requestedBy: string) => Promise<void>;
}

/** Everything a use case or listener test arranges and inspects, around the `Deps` it passes. */
export interface TestBed {
  deps: Deps;
  store: MemoryStore;
  chat: RecordingChat;
  clock: TestClock;
  messages: MemoryMessageLog;
  names: MemoryUserNameCache;
  events: MemoryIncidentEvents;
  repo: RcaRepository;
  /** The in-memory repository, unless a test gave a real one. */
  memoryRepo: MemoryRcaRepository | null;
  review: MemoryReviewRequests;
  reviewRecords: MemoryReviewRecords;
  tracker: MemoryActionTracker;
  links: MemoryTrackerLinks;
  /** The incident ids `onIncidentChanged` was called with, in order. */
  changed: string[];
  rcaRequests: { incidentId: string; by: string }[];
  /** Every log line, as pino wrote it. */
  logs: { level: number; msg: string; [key: string]: unknown }[];
}

/**
 * The one place tests build `Deps`: every member set, over in-memory ports (the store's roles, the
 * message log, the outgoing events, the RCA repository) and a `RecordingChat`, a fixed clock and ids
 * `inc-1`, `inc-2`…
 */
export function buildDeps(options: BuildDepsOptions = {}): TestBed {
  const store = createMemoryStore();
  const chat = new RecordingChat();
  const clock = buildClock(options.now);
  const names = new MemoryUserNameCache();
  const messages = new MemoryMessageLog(store, names);
  const events = new MemoryIncidentEvents();
  const config = buildConfig(options.config);
  const memoryRepo = options.repo ? null : new MemoryRcaRepository(config.rca.branch);
  const repo = options.repo ?? memoryRepo!;
  const review = new MemoryReviewRequests();
  const reviewRecords = new MemoryReviewRecords();
  const tracker = new MemoryActionTracker();
  const links = new MemoryTrackerLinks();
  const logs: TestBed['logs'] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const changed: string[] = [];
  const rcaRequests: TestBed['rcaRequests'] = [];
  const rca: RcaDeps = {
    repo,
    related: new RelatedRcas(repo, config.rca.dirs),
    template: TEMPLATE,
    exclusive: (task) => store.withLock('rca-repository', task),
    privateRepo: null,
    review: options.review ? { requests: review, records: reviewRecords } : null,
  };
  const trackerDeps: TrackerDeps = { tracker, links, closeOnDone: config.actions.tracker.closeOnDone };
  const deps: Deps = {
    store,
    chat,
    clock,
    ids: buildIds(),
    config,
    log,
    rca,
    messages,
    events,
    tracker: options.tracker ? trackerDeps : null,
    onIncidentChanged: async (incidentId) => {
      changed.push(incidentId);
    },
    onRcaRequested: async (incidentId, by) => {
      rcaRequests.push({ incidentId, by });
      await options.onRcaRequested?.(deps, incidentId, by);
    },
  };
  return {
    deps,
    store,
    chat,
    clock,
    messages,
    names,
    events,
    repo,
    memoryRepo,
    review,
    reviewRecords,
    tracker,
    links,
    changed,
    rcaRequests,
    logs,
  };
}
