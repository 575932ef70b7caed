import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAppHome } from '#adapters/slack/blocks/build-app-home.ts';
import { buildAnnouncement, buildSummary } from '#adapters/slack/blocks/build-summary.ts';
import { buildStatusUpdate } from '#adapters/slack/blocks/build-status-update.ts';
import { buildTimelineText } from '#adapters/slack/blocks/build-timeline-text.ts';
import { buildUpdateNudge } from '#adapters/slack/blocks/build-update-nudge.ts';
import { buildDeclareModal } from '#adapters/slack/blocks/declare-modal.ts';
import { ephemeral } from '#adapters/slack/blocks/mrkdwn.ts';
import { buildResolveModal } from '#adapters/slack/blocks/resolve-modal.ts';
import { buildUpdateModal } from '#adapters/slack/blocks/update-modal.ts';
import {
  buildDigest,
  buildNeedsAttention,
  buildReminderMessage,
  fileLink,
} from '#adapters/slack/reminders/reminder-blocks.ts';
import { loadConfig } from '#config/load-config.ts';
import type { Incident } from '#domain/incident.ts';
import { HELP_TEXT } from '#domain/incident-command.ts';
import type { AttentionItem, PlannedItem } from '#domain/plan-reminders.ts';
import type { TimelineEntry } from '#domain/timeline-entry.ts';
import { checkBlockKit } from '#emulator/block-kit-rules.ts';

/** Text as people type it, and worse: markup characters, emoji (surrogate pairs), escapes, mentions. */
const nasty = (maxLength: number) =>
  fc.oneof(
    fc.string({
      unit: fc.constantFrom('a', ' ', '&', '<', '>', '*', '_', '|', '😀', 'é', '\n'),
      maxLength,
      size: 'max',
    }),
    fc
      .constantFrom('<@U012AB3CD>', '&amp;', '<https://example.com|link>')
      .chain((piece) =>
        fc
          .integer({ min: 1, max: Math.ceil(maxLength / piece.length) })
          .map((n) => piece.repeat(n).slice(0, maxLength)),
      ),
    fc.integer({ min: 0, max: maxLength }).map((n) => 'x'.repeat(n)),
    fc.constant('y'.repeat(maxLength)),
  );

const nonEmpty = (maxLength: number) => nasty(maxLength).map((t) => (t.trim() === '' ? 'x' : t));

/** Config allows any word as a severity, of any length; up to 100 of them, the extreme. */
const severityWord = fc.string({
  unit: fc.constantFrom('P', 's', 'E', 'v', '1', '2', '-', '_'),
  minLength: 1,
  maxLength: 200,
});
const severities = fc.uniqueArray(severityWord, { minLength: 1, maxLength: 100, size: 'max' });

const incident = fc.record({
  title: nonEmpty(1000),
  services: fc.array(nasty(80), { maxLength: 500, size: 'max' }),
  severity: nonEmpty(200),
  status: nonEmpty(200),
  summary: nasty(5000),
  rootCause: nasty(5000),
  impact: nasty(5000),
  resolution: nasty(5000),
  rcaPath: fc.option(nasty(400), { nil: null }),
});

const plannedItem = (i: number) =>
  fc
    .record({
      action: nonEmpty(5000),
      title: nasty(1000),
      file: nonEmpty(300),
      owner: nonEmpty(300),
      reason: nasty(1000),
    })
    .map((r): PlannedItem & AttentionItem => ({
      key: `key-${i}`,
      file: r.file,
      title: r.title,
      line: i + 1,
      action: r.action,
      owner: r.owner,
      due: '2030-05-08',
      stage: 'due',
      skipped: [],
      reason: r.reason,
    }));

const items = fc
  .integer({ min: 0, max: 200 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => plannedItem(i))));

function configWith(sev: string[]) {
  const loaded = loadConfig({}, { incident: { severities: sev, defaultSeverity: sev[sev.length - 1] } });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.config;
}

function toIncident(i: {
  title: string;
  services: string[];
  severity: string;
  status: string;
  summary: string;
  rootCause: string;
  impact: string;
  resolution: string;
  rcaPath: string | null;
}): Incident {
  return {
    id: 'inc-1',
    channelId: 'C012AB3CD',
    channelName: 'inc-x',
    summaryTs: null,
    declaredBy: 'U012AB3CD',
    declaredAt: '2030-05-01T10:00:00.000Z',
    resolvedAt: null,
    roles: { lead: 'U012AB3CD', scribe: 'U012AB3CE' },
    ...i,
  };
}

const link = (path: string) => fileLink(path, 'https://git.example.com/acme/rcas/blob/{branch}/{path}', 'main');

describe('every surface the bot builds, from extreme inputs, passes Block Kit validation', () => {
  it('the summary, the announcement, both modals, the App Home tab and help', () => {
    fc.assert(
      fc.property(incident, severities, items, (raw, sev, planned) => {
        const config = configWith(sev);
        const inc = toIncident(raw);
        const home = buildAppHome(
          planned.map((p) => ({ action: p.action, title: p.title, due: p.line % 3 ? p.due : null })),
          Array.from({ length: planned.length }, () => inc),
          '2030-05-01',
        );

        expect(checkBlockKit('message', buildSummary(inc, config))).toEqual([]);
        expect(checkBlockKit('message', buildAnnouncement(inc))).toEqual([]);
        expect(checkBlockKit('modal', buildDeclareModal(config, 'C012AB3CD'))).toEqual([]);
        expect(checkBlockKit('modal', buildResolveModal(inc))).toEqual([]);
        expect(checkBlockKit('home', home)).toEqual([]);
        expect(checkBlockKit('message', ephemeral(HELP_TEXT))).toEqual([]);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('the status update, the nudge for a missing one and the update form', () => {
    fc.assert(
      fc.property(incident, severities, nonEmpty(20_000), (raw, sev, text) => {
        const config = configWith(sev);
        const inc = toIncident(raw);
        const update = { text, by: 'U012AB3CD', at: '2030-05-01T10:00:00.000Z', nextAt: '2030-05-01T11:00:00.000Z' };

        expect(checkBlockKit('message', buildStatusUpdate(inc, update, config))).toEqual([]);
        expect(checkBlockKit('message', buildStatusUpdate(inc, { ...update, nextAt: null }, config))).toEqual([]);
        expect(checkBlockKit('message', buildUpdateNudge(inc, 'U012AB3CD', update.at))).toEqual([]);
        expect(checkBlockKit('modal', buildUpdateModal(inc, config))).toEqual([]);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('reminders, the digest, needs-attention and the timeline reply', () => {
    fc.assert(
      fc.property(items, nonEmpty(300), nasty(5000), (planned, owner, note) => {
        const groups = { overdue: planned, soon: planned.slice(0, 50), open: planned.slice(50) };
        const entries: TimelineEntry[] = planned.map((p, i) => ({
          incidentId: 'inc-1',
          key: `note:${i}`,
          kind: 'note',
          at: '2030-05-01T10:00:00.000Z',
          sortKey: String(i),
          authorId: 'U012AB3CD',
          authorName: null,
          text: i === 0 ? note : p.action,
          permalink: null,
          pending: false,
        }));

        expect(checkBlockKit('message', buildReminderMessage(owner, planned, '2030-05-01', link))).toEqual([]);
        expect(checkBlockKit('message', buildDigest(owner, groups, '2030-05-01', link))).toEqual([]);
        expect(checkBlockKit('message', buildNeedsAttention(planned, link))).toEqual([]);
        expect(checkBlockKit('message', ephemeral(buildTimelineText(owner, entries)))).toEqual([]);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('keeps the pinned summary valid with 500 services and says where the rest are', () => {
    const config = configWith(['P1', 'P2']);
    const services = Array.from({ length: 500 }, (_, i) => `service-number-${i}`);

    const summary = buildSummary(
      toIncident({
        title: 'Checkout',
        services,
        severity: 'P1',
        status: 'open',
        summary: '',
        rootCause: '',
        impact: '',
        resolution: '',
        rcaPath: null,
      }),
      config,
    );

    expect(checkBlockKit('message', summary)).toEqual([]);
    expect(JSON.stringify(summary.blocks)).toMatch(/and \d+ more \(all in the RCA\)/);
  });
});
