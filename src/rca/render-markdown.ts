import YAML from 'yaml';
import { encodeCellText } from './cell-text.ts';
import { EMPTY_CELL } from './read-action-item.ts';

/** Value-to-markdown helpers for `renderRca`: each escapes for exactly the place it writes to. */

export function renderFrontMatterYaml(data: Record<string, unknown>): string {
  const doc = new YAML.Document(data, { schema: 'core' });
  for (const key of ['services', 'tags']) {
    const node = doc.get(key, true);
    if (YAML.isSeq(node)) node.flow = true;
  }
  YAML.visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && !/^[\w.-]+(?: [\w.-]+)*$/.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const title = doc.get('title', true);
  if (YAML.isScalar(title)) title.type = 'QUOTE_DOUBLE';
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, blockQuote: false }).trimEnd();
}

/** A line of inline text (a heading, an italic footer): no newlines, nothing markdown would read. */
export function renderInline(text: string): string {
  return encodeCellText(text.replace(/\s*\n\s*/g, ' '));
}

/** A table cell whose empty-looking values (`TBD`, `-`) must read back as text, not as "not set". */
export function renderOptionalCell(text: string | null): string {
  if (text === null) return '';
  const encoded = encodeCellText(text);
  if (!EMPTY_CELL.test(encoded) || encoded === '') return encoded;
  const first = encoded.codePointAt(0)!;
  return `&#${first};${encoded.slice(String.fromCodePoint(first).length)}`;
}

const STRUCTURAL = /^(\s*)(#|`{3}|~{3}|<)/;
const RULE_OR_UNDERLINE = /^(\s*)([-=*_])((?:\s*\2)*\s*)$/;

/**
 * Free text (a summary, a root cause) keeps its inline markdown but can never start a block that would
 * change the document's structure: a `# heading`, a `---` rule or setext underline, a code fence, HTML.
 */
export function renderBlockText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(STRUCTURAL, '$1\\$2').replace(RULE_OR_UNDERLINE, '$1\\$2$3'))
    .join('\n')
    .trim();
}

export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell) => Math.max(3, cell.length));
  const head = `| ${header.join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [head, rule, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function renderLinkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
