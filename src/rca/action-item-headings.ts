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

const matchers = new Map<string, (heading: string) => boolean>();
/** The last list asked for and its matcher: a scan asks with the same list for every file. */
let last: { headings: readonly string[]; matcher: (heading: string) => boolean } | null = null;

/** A test for section headings built from the configured list (kept, since the scan calls it per file). */
export function actionItemsHeadingMatcher(
  headings: readonly string[] = DEFAULT_ACTION_ITEM_HEADINGS,
): (heading: string) => boolean {
  if (last?.headings === headings) return last.matcher;
  const key = headings.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    const phrases = headings.map(phrasePattern).filter((p) => p !== '');
    const pattern =
      phrases.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    matcher = (heading) => pattern?.test(heading) === true;
    if (matchers.size > 32) matchers.clear();
    matchers.set(key, matcher);
  }
  last = { headings, matcher };
  return matcher;
}

/**
 * A test for plain label lines (`Action Items:`): the whole label, less its colon, must be one of the
 * headings (as the section matcher reads them), so prose such as `The on-call took these actions:`
 * heads nothing.
 */
export function actionItemsLabelMatcher(
  headings: readonly string[] = DEFAULT_ACTION_ITEM_HEADINGS,
): (label: string) => boolean {
  const key = `label\n${headings.join('\n')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    const phrases = headings.map(phrasePattern).filter((p) => p !== '');
    const pattern = phrases.length === 0 ? null : new RegExp(`^\\s*(?:${phrases.join('|')})\\s*$`, 'iu');
    matcher = (label) => pattern?.test(label) === true;
    if (matchers.size > 32) matchers.clear();
    matchers.set(key, matcher);
  }
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
