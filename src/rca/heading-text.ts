import { decodeReference } from './cell-text.ts';

/** What heading text may hold that `headingText` rewrites: most headings hold none, and are only trimmed. */
const HEADING_MARKUP = /[[*_`\\&~]/;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

type Token = { text: string } | { tildes: number; open: boolean; close: boolean; used?: boolean };

/**
 * A heading line's text as the full parse reads it off the syntax tree (mdast-util-to-string): link
 * targets, emphasis and strikethrough marks (GFM's `~` and `~~`) taken out, backslash escapes and
 * character references (`&nbsp;`, `&#32;`) decoded, code spans kept as written.
 */
export function headingText(raw: string): string {
  if (!HEADING_MARKUP.test(raw)) return raw.trim();
  const tokens = tokenize(raw.replace(LINK, '$1'));
  pairStrikethrough(tokens);
  let text = '';
  for (const token of tokens) {
    if ('text' in token) text += token.text;
    else if (!token.used) text += '~'.repeat(token.tildes);
  }
  return text.trim();
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '')) {
      tokens.push({ text: source[i + 1]! });
      i += 2;
    } else if (char === '`') {
      const run = runLength(source, i, '`');
      const close = closingRun(source, i + run, run);
      if (close === -1) tokens.push({ text: source.slice(i, i + run) });
      else tokens.push({ text: codeValue(source.slice(i + run, close)) });
      i = close === -1 ? i + run : close + run;
    } else if (char === '&') {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(source);
      const decoded = match ? decodeReference(match[1]!) : undefined;
      tokens.push({ text: decoded ?? '&' });
      i += decoded === undefined ? 1 : match![0].length;
    } else if (char === '~') {
      const run = runLength(source, i, '~');
      // A run of three or more is no strikethrough mark, as in micromark's GFM extension.
      if (run > 2) tokens.push({ text: '~'.repeat(run) });
      else {
        const before = side(codePointBefore(source, i));
        const after = side(source.codePointAt(i + run));
        tokens.push({
          tildes: run,
          open: after === 'other' || (after === 'punctuation' && before !== 'other'),
          close: before === 'other' || (before === 'punctuation' && after !== 'other'),
        });
      }
      i += run;
    } else {
      // Emphasis marks are dropped (what a section match needs); other text is kept.
      if (char !== '*' && char !== '_') tokens.push({ text: char });
      i += 1;
    }
  }
  return tokens;
}

/** Each closing run of tildes ends the nearest opening run of the same length before it, as micromark pairs them. */
function pairStrikethrough(tokens: Token[]): void {
  for (let k = 0; k < tokens.length; k += 1) {
    const closer = tokens[k]!;
    if ('text' in closer || !closer.close || closer.used) continue;
    for (let j = k - 1; j >= 0; j -= 1) {
      const opener = tokens[j]!;
      if ('text' in opener || !opener.open || opener.used || opener.tildes !== closer.tildes) continue;
      opener.used = true;
      closer.used = true;
      break;
    }
  }
}

function runLength(source: string, at: number, char: string): number {
  let end = at;
  while (source[end] === char) end += 1;
  return end - at;
}

/** Where a code span opened by `size` backticks closes: the next run of exactly that many, or -1. */
function closingRun(source: string, from: number, size: number): number {
  for (let i = source.indexOf('`', from); i !== -1; i = source.indexOf('`', i)) {
    const run = runLength(source, i, '`');
    if (run === size) return i;
    i += run;
  }
  return -1;
}

function codeValue(content: string): string {
  const padded = content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content);
  return padded ? content.slice(1, -1) : content;
}

function codePointBefore(source: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = source.charCodeAt(at - 1);
  return at > 1 && low >= 0xdc00 && low <= 0xdfff ? source.codePointAt(at - 2) : low;
}

/** How micromark classifies the character beside a run of tildes (none, at either end, counts as whitespace). */
function side(code: number | undefined): 'whitespace' | 'punctuation' | 'other' {
  if (code === undefined) return 'whitespace';
  const char = String.fromCodePoint(code);
  if (/\s/u.test(char)) return 'whitespace';
  return /\p{P}|\p{S}/u.test(char) ? 'punctuation' : 'other';
}
