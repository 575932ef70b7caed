import { actionItemsHeadingMatcher } from './action-item-headings.ts';
import { isTimelineHeading } from './read-action-item.ts';

export type SectionKind = 'actions' | 'timeline' | null;

/**
 * Which section a line is in, by the innermost enclosing heading that names one: a `## Timeline`
 * under a title that happens to say "Action Items" is still the timeline. The document's first
 * level-one heading is its title and names no section.
 */
export function createSectionTracker(actionItemHeadings?: readonly string[]): {
  /** A `label` (a plain `Action Items:` line) heads a section only if it names the action items. */
  enter(depth: number, text: string, label?: boolean): void;
  kind(): SectionKind;
} {
  const isActionItemsHeading = actionItemsHeadingMatcher(actionItemHeadings);
  const stack: { depth: number; kind: SectionKind }[] = [];
  let sawTitle = false;
  return {
    enter(depth, text, label = false) {
      if (label && !isActionItemsHeading(text)) return;
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
