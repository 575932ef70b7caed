import { encodeCellText } from './cell-text.ts';
import type { ActionItem, TimelineRow } from './rca-document.ts';
import { draftFrontMatter, type RcaDraft } from './rca-draft.ts';
import {
  renderBlockText,
  renderFrontMatterYaml,
  renderInline,
  renderLinkTarget,
  renderOptionalCell,
  renderTable,
} from './render-markdown.ts';

/** What an empty field turns into: a short, visible prompt for whoever finishes the RCA. */
const PROMPTS = {
  summary: 'What happened, who was affected and for how long, in two or three sentences.',
  rootCause: 'Why it happened: the cause and the contributing factors.',
  impact: 'What was affected and how badly: error rates, latency, requests.',
  customerImpact: 'What customers saw: errors, support tickets, revenue.',
  resolution: 'What fixed it, step by step.',
  wentWell: 'What helped: detection, response, communication.',
  toImprove: 'What slowed us down or would have prevented this.',
} as const;

export const TEMPLATE_FIELDS = [
  'frontMatter',
  'title',
  'summary',
  'timelineTable',
  'timelineDiagram',
  'rootCause',
  'impact',
  'affectedServices',
  'customerImpact',
  'resolution',
  'wentWell',
  'toImprove',
  'actionItemsTable',
  'relatedIncidents',
  'author',
  'preparedOn',
] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/**
 * Renders a draft through the team's template (`templates/rca.md`). `parseRca(renderRca(d))` gives back
 * the same front matter, timeline and action items for any text: that round trip is the contract.
 */
export function renderRca(draft: RcaDraft, template: string): string {
  const values: Record<TemplateField, string> = {
    frontMatter: renderFrontMatterYaml(draftFrontMatter(draft)),
    title: renderInline(draft.title),
    summary: textOrPrompt(draft.summary, PROMPTS.summary),
    timelineTable: renderTimelineTable(draft.timeline),
    timelineDiagram: draft.diagram && draft.timeline.length > 0 ? `\n${renderTimelineDiagram(draft.timeline)}` : '',
    rootCause: textOrPrompt(draft.rootCause, PROMPTS.rootCause),
    impact: textOrPrompt(draft.impact, PROMPTS.impact),
    affectedServices:
      draft.services.length > 0
        ? draft.services.map((s) => `- ${renderInline(s)}`).join('\n')
        : prompt('Which services were affected.'),
    customerImpact: textOrPrompt(draft.customerImpact, PROMPTS.customerImpact),
    resolution: textOrPrompt(draft.resolution, PROMPTS.resolution),
    wentWell: textOrPrompt(draft.wentWell, PROMPTS.wentWell),
    toImprove: textOrPrompt(draft.toImprove, PROMPTS.toImprove),
    actionItemsTable: renderActionItemsTable(draft.actionItems),
    relatedIncidents:
      draft.related.length > 0
        ? draft.related.map((r) => `- [[${wikiPart(r.target)}|${wikiPart(r.label)}]]`).join('\n')
        : prompt('No related incidents found in the repository yet.'),
    author: renderInline(draft.author),
    preparedOn: draft.preparedOn,
  };
  const filled = fillTemplate(template, values);
  const bodyStart = filled.startsWith('---\n') ? filled.indexOf('\n---', 4) + 4 : 0;
  return `${filled.slice(0, bodyStart)}${filled
    .slice(bodyStart)
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function fillTemplate(template: string, values: Record<TemplateField, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (match, name: string) =>
    name in values ? values[name as TemplateField] : match,
  );
}

function textOrPrompt(text: string, promptText: string): string {
  return text.trim() === '' ? prompt(promptText) : renderBlockText(text);
}

function prompt(text: string): string {
  return `> _To fill in: ${text}_`;
}

function renderTimelineTable(rows: TimelineRow[]): string {
  const table = renderTable(
    ['Time (UTC)', 'Event'],
    rows.map((row) => [encodeCellText(row.time), renderEventCell(row)]),
  );
  return rows.length > 0 ? table : `${table}\n\n${prompt('No timeline entries yet.')}`;
}

function renderEventCell(row: TimelineRow): string {
  let cell = encodeCellText(row.event);
  if (row.author) cell += ` — *${encodeCellText(row.author)}*`;
  if (row.link) cell += ` [↗](${renderLinkTarget(row.link)})`;
  return cell;
}

function renderActionItemsTable(items: ActionItem[]): string {
  const table = renderTable(
    ['Priority', 'Action', 'Owner', 'Due Date'],
    items.map((item) => {
      const action = encodeCellText(item.action);
      return [
        renderOptionalCell(item.priority),
        item.done ? `~~${action}~~` : action,
        renderOptionalCell(item.owner),
        item.due ?? 'TBD',
      ];
    }),
  );
  return items.length > 0 ? table : `${table}\n\n${prompt('No action items yet.')}`;
}

/** A Mermaid timeline (GitHub renders it); its text is cut down to what Mermaid's grammar takes. */
export function renderTimelineDiagram(rows: TimelineRow[]): string {
  const clean = (text: string) =>
    text
      .replace(/[^\p{L}\p{N} .,'!?()/-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || '(no text)';
  const lines = rows.map((row) => `    ${clean(row.time.replace(/:/g, '.'))} : ${clean(row.event)}`);
  return ['```mermaid', 'timeline', '    title Incident timeline (UTC)', ...lines, '```'].join('\n');
}

function wikiPart(text: string): string {
  return text.replace(/[[\]|\n]/g, ' ').trim();
}
