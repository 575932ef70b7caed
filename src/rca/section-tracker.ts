import { actionItemsHeadingMatcher, actionItemsLabelMatcher } from './action-item-headings.ts';
import { isTimelineHeading } from './read-action-item.ts';

export type SectionKind = 'actions' | 'timeline' | null;

/**
 * Which section a line is in, by the innermost enclosing heading that names one: a `## Timeline`
 * under a title that happens to say "Action Items" is still the timeline. The document's first
 * level-one heading is its title and names no section.
 */
export function createSectionTracker(actionItemHeadings?: readonly string[]): {
  /**
   * Whether a heading starts a section: always, but a `label` (a plain `Action Items:` line) only when
   * the whole label is an action-items heading; one that is not changes nothing, the readers included.
   */
  heads(text: string, label?: boolean): boolean;
  enter(depth: number, text: string, label?: boolean): void;
  kind(): SectionKind;
} {
  const isActionItemsHeading = actionItemsHeadingMatcher(actionItemHeadings);
  const isActionItemsLabel = actionItemsLabelMatcher(actionItemHeadings);
  const heads = (text: string, label = false) => !label || isActionItemsLabel(text);
  const stack: { depth: number; kind: SectionKind }[] = [];
  let sawTitle = false;
  return {
    heads,
    enter(depth, text, label = false) {
      if (!heads(text, label)) return;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
      const isTitle = depth === 1 && !sawTitle;
      if (depth === 1) sawTitle = true;
      const kind: SectionKind = isTitle
        ? null
        : isActionItemsHeading(text)
          ? 'actions'
          : isTimelineHeading(text)
            ? 'timeline'
            : null;
      stack.push({ depth, kind });
    },
    kind() {
      for (let i = stack.length - 1; i >= 0; i -= 1) if (stack[i]!.kind !== null) return stack[i]!.kind;
      return null;
    },
  };
}
