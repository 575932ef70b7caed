/**
 * The headings whose sections hold action items, as teams name them. A heading names the section
 * when it contains one of these as whole words, whatever the case, with or without a hyphen or space
 * between the words and with or without a plural s: `Follow up` also matches `Follow-ups` and
 * `Followups`, and `Action Items` matches `Action Items & Followups`.
 */
export const DEFAULT_ACTION_ITEM_HEADINGS: readonly string[] = [
  'Action Items',
  'Actions',
  'Follow-ups',
  'Remediation',
  'Next steps',
  'Corrective actions',
  'Preventive actions',
  'Preventative measures',
  'TODO',
];

type Matcher = (text: string) => boolean;

/** Words that make a heading name what was done during the incident rather than what is left to do. */
const PAST = /(?<![\p{L}\p{N}])(?:taken|performed|during)(?![\p{L}\p{N}])/iu;
type MatchKind = 'section' | 'label';

const matchers = new Map<string, Matcher>();
/** The last list asked for, per kind, and its matcher: a scan asks with the same list for every file. */
const last: Partial<Record<MatchKind, { headings: readonly string[]; matcher: Matcher }>> = {};

/** A test for section headings built from the configured list (kept, since the scan calls it per file). */
export function actionItemsHeadingMatcher(headings: readonly string[] = DEFAULT_ACTION_ITEM_HEADINGS): Matcher {
  return matcherFor('section', headings);
}

/**
 * A test for plain label lines (`Action Items:`): the whole label, less its colon, must be one of the
 * headings (as the section matcher reads them), so prose such as `The on-call took these actions:`
 * heads nothing.
 */
export function actionItemsLabelMatcher(headings: readonly string[] = DEFAULT_ACTION_ITEM_HEADINGS): Matcher {
  return matcherFor('label', headings);
}

/** A section heading contains one of the phrases as whole words; a label is one of them, whole. */
function matcherFor(kind: MatchKind, headings: readonly string[]): Matcher {
  const known = last[kind];
  if (known?.headings === headings) return known.matcher;
  const key = `${kind}\n${headings.join('\n')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    const phrases = headings.map(phrasePattern).filter((p) => p !== '');
    const alternatives = `(?:${phrases.join('|')})`;
    const source =
      kind === 'label' ? `^\\s*${alternatives}\\s*$` : `(?<![\\p{L}\\p{N}])${alternatives}(?![\\p{L}\\p{N}])`;
    const pattern = phrases.length === 0 ? null : new RegExp(source, 'iu');
    // `Actions Taken During the Incident`, `Remediation steps taken`: what was done, not what is to do;
    // unless the configured headings themselves use such a word.
    const past = kind === 'section' && !headings.some((h) => PAST.test(h)) ? PAST : null;
    matcher = (text) => pattern?.test(text) === true && !past?.test(text);
    if (matchers.size > 32) matchers.clear();
    matchers.set(key, matcher);
  }
  last[kind] = { headings, matcher };
  return matcher;
}

function phrasePattern(heading: string): string {
  const words = heading
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return '';
  const last = words.length - 1;
  return words
    .map((word, i) => {
      const escaped = (i === last ? word.replace(/s$/, '') : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return i === last ? `${escaped}s?` : escaped;
    })
    .join('[\\s_-]*');
}
