import { section, viewLabel } from './block-kit.ts';

/** A form replaced by a message (a refusal that came after the form was opened): no submit, only Close. */
export function buildNoticeModal(title: string, text: string): Record<string, unknown> {
  return { type: 'modal', title: viewLabel(title), close: viewLabel('Close'), blocks: [section(text)] };
}
