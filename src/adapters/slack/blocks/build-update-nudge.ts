import type { Incident } from '#domain/incident.ts';
import type { ChatMessage } from '#src/ports.ts';
import { LIMITS, plainText, section } from './block-kit.ts';

export const POST_UPDATE_ACTION = 'post_status_update';

/** The reminder to the lead that a status update is due, with a button opening the update form. */
export function buildUpdateNudge(incident: Incident, userId: string, dueAt: string): ChatMessage {
  const due = `${dueAt.slice(11, 16)} UTC`;
  const text = `<@${userId}>, a status update on this incident was due at ${due}. Post one with \`/incident update <text>\` or the button.`;
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: POST_UPDATE_ACTION,
            text: plainText('Post update', LIMITS.buttonText),
            style: 'primary',
            value: incident.id.slice(0, LIMITS.buttonValue),
          },
        ],
      },
    ],
  };
}
