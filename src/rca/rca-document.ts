/** What `parseRca` and `scanActionItems` read out of one RCA markdown file. */

export type Severity = 'error' | 'warning';

export interface Problem {
  line: number;
  column: number;
  severity: Severity;
  message: string;
  rule: string;
}

export interface Section {
  heading: string;
  depth: number;
  startLine: number;
  endLine: number;
}

export interface TimelineRow {
  time: string;
  event: string;
  author?: string;
  link?: string;
}

export interface ParsedTimelineRow extends TimelineRow {
  line: number;
}

export interface ActionItem {
  priority: string | null;
  action: string;
  owner: string | null;
  due: string | null;
  done: boolean;
}

export interface ParsedActionItem extends ActionItem {
  line: number;
  /** The due cell as written, when it could not be read as a date (kept so reminders can say why). */
  dueText?: string;
  /** The Status cell as written, when the table has one (the write-back edits it). */
  status?: string;
  /** The item's ticket: a link, or a key such as `OPS-123`, when the item names one. */
  ticket?: string;
}

export interface RcaLink {
  kind: 'wiki' | 'markdown';
  target: string;
  label: string | null;
  line: number;
}

export interface ParsedRca {
  frontMatter: Record<string, unknown>;
  /** The line each top-level front-matter field is written on. */
  frontMatterLines?: Record<string, number>;
  title: string | null;
  sections: Section[];
  timeline: ParsedTimelineRow[];
  actionItems: ParsedActionItem[];
  links: RcaLink[];
  problems: Problem[];
}
