import type { List, ListItem, Nodes, Root, Table } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type ActionItemCollector, createActionItemCollector } from './action-item-collector.ts';
import { findActionItemColumns, findTimelineColumns, noActionColumnProblem } from './action-item-columns.ts';
import { BOLD_HEADING_DEPTH, boldHeadingAt } from './bold-heading.ts';
import { decodeCellText } from './cell-text.ts';
import { checkFrontMatter, readFrontMatter } from './front-matter.ts';
import type { ParsedRca, ParsedTimelineRow, Problem, RcaLink, Section } from './rca-document.ts';
import { readActionRow } from './read-action-item.ts';
import { detailFieldsAt, readListItem } from './read-list-item.ts';
import { readTimelineCell, readTimelineListItem } from './read-timeline-row.ts';
import { createSectionTracker } from './section-tracker.ts';
import { splitTableRow } from './split-table-row.ts';
import { listItemText, taskItemText } from './task-item-text.ts';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

export interface RcaReadOptions {
  /** The headings whose sections hold action items (default `DEFAULT_ACTION_ITEM_HEADINGS`). */
  actionItemHeadings?: readonly string[];
}

/**
 * Parses one RCA file: front matter with gray-matter, the body with unified + remark-gfm.
 * Never throws on what a person wrote: whatever is wrong comes back in `problems`.
 */
export function parseRca(source: string, options: RcaReadOptions = {}): ParsedRca {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = readFrontMatter(text);
  const problems: Problem[] = [...front.problems, ...checkFrontMatter(front.data, front.fieldLines)];
  const lines = text.split('\n');
  const tree = processor.parse(front.body) as Root;
  const bodyLines = front.body.split('\n');

  const sections: Section[] = [];
  const result: ParsedRca = {
    frontMatter: front.data,
    ...(front.fieldLines ? { frontMatterLines: front.fieldLines } : {}),
    title: typeof front.data['title'] === 'string' ? front.data['title'] : null,
    sections,
    timeline: [],
    actionItems: [],
    links: [],
    problems,
  };
  const tracker = createSectionTracker(options.actionItemHeadings);
  const collect = createActionItemCollector(result.actionItems, problems);

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
    const bold =
      node.type === 'paragraph' && node.position?.end.line === line ? boldHeadingAt(bodyLines, line - 1) : null;
    if (node.type === 'heading') {
      const heading = mdastToString(node).trim();
      sections.push({ heading, depth: node.depth, startLine: line, endLine: lines.length });
      collect.flush();
      tracker.enter(node.depth, heading);
      if (result.title === null && node.depth === 1) result.title = heading;
    } else if (bold) {
      // A bold line of its own heads a section, as the line walker reads it; it is not one of `sections`.
      if (tracker.heads(bold.text, bold.label)) {
        collect.flush();
        tracker.enter(BOLD_HEADING_DEPTH, bold.text, bold.label);
      }
    } else if (node.type === 'table') {
      if (tracker.kind() === 'actions') readActionTable(node, lines, collect);
      else if (tracker.kind() === 'timeline') readTimelineTable(node, lines, result.timeline);
    } else if (node.type === 'list') {
      if (tracker.kind() === 'actions')
        for (const item of node.children) readActionListItem(item, lines, collect, true);
      else if (tracker.kind() === 'timeline') readTimelineList(node, lines, result.timeline);
    }
  }
  collect.flush();
  closeSections(sections, lines.length);
  collectLinks(tree, result.links);
  return result;
}

function readActionTable(table: Table, lines: string[], collect: ActionItemCollector): void {
  const [header, ...rows] = table.children;
  const columns = header && findActionItemColumns(splitTableRow(lineOf(header, lines)));
  if (!columns) {
    if (header && rows.length > 0)
      collect.problem(noActionColumnProblem(header.position?.start.line ?? 1, rows.length));
    return;
  }
  for (const row of rows) {
    const line = row.position?.start.line ?? 1;
    collect.add('row', (problems) => readActionRow(splitTableRow(lineOf(row, lines)), columns, line, problems));
  }
}

function readTimelineTable(table: Table, lines: string[], timeline: ParsedTimelineRow[]): void {
  const [header, ...rows] = table.children;
  const columns = header && findTimelineColumns(splitTableRow(lineOf(header, lines)));
  if (!columns) return;
  for (const row of rows) {
    const cells = splitTableRow(lineOf(row, lines));
    const entry = readTimelineCell(cells[columns.time] ?? '', cells[columns.event] ?? '');
    if (entry) timeline.push({ ...entry, line: row.position?.start.line ?? 1 });
  }
}

/**
 * A task-list item at any depth, or a plain item of a list straight under the heading (the items
 * nested in it are its details) whose first paragraph starts on its line.
 */
function readActionListItem(item: ListItem, lines: string[], collect: ActionItemCollector, topLevel: boolean): void {
  const line = item.position?.start.line ?? 1;
  const first = item.children[0];
  const paragraphEnd = first?.position?.end.line ?? line;
  if (item.checked === true || item.checked === false) {
    const task = taskItemText(lines.slice(line - 1, paragraphEnd));
    if (task)
      collect.add('task', (problems) =>
        readListItem(task.text, task.checked, line, problems, detailFieldsAt(lines, paragraphEnd)),
      );
  } else if (topLevel && first?.type === 'paragraph' && first.position?.start.line === line) {
    const text = listItemText(lines.slice(line - 1, paragraphEnd));
    if (text !== '')
      collect.add('plain', (problems) => readListItem(text, null, line, problems, detailFieldsAt(lines, paragraphEnd)));
  }
  for (const child of item.children) {
    if (child.type === 'list') for (const nested of child.children) readActionListItem(nested, lines, collect, false);
  }
}

function readTimelineList(list: List, lines: string[], timeline: ParsedTimelineRow[]): void {
  for (const item of listItems(list)) {
    const line = item.position?.start.line ?? 1;
    const entry = readTimelineListItem(lines[line - 1] ?? '');
    if (entry) timeline.push({ ...entry, line });
  }
}

function listItems(list: List): ListItem[] {
  return list.children.flatMap((item) => [
    item,
    ...item.children.flatMap((child) => (child.type === 'list' ? listItems(child) : [])),
  ]);
}

function lineOf(node: Nodes, lines: string[]): string {
  return lines[(node.position?.start.line ?? 1) - 1] ?? '';
}

function closeSections(sections: Section[], lastLine: number): void {
  sections.forEach((section, index) => {
    const next = sections.slice(index + 1).find((later) => later.depth <= section.depth);
    section.endLine = next ? next.startLine - 1 : lastLine;
  });
}

const WIKI_LINK = /\[\[([^\]|#\\]+)(?:#[^\]|\\]*)?(?:\\?\|([^\]]+))?\]\]/g;

function collectLinks(node: Nodes, links: RcaLink[]): void {
  if (node.type === 'link') {
    links.push({
      kind: 'markdown',
      target: node.url,
      label: mdastToString(node) || null,
      line: node.position?.start.line ?? 1,
    });
  }
  if (node.type === 'text') {
    for (const match of node.value.matchAll(WIKI_LINK)) {
      const before = node.value.slice(0, match.index).split('\n').length - 1;
      links.push({
        kind: 'wiki',
        target: match[1]!.trim(),
        label: match[2] ? decodeCellText(match[2]) : null,
        line: (node.position?.start.line ?? 1) + before,
      });
    }
  }
  if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links);
}
