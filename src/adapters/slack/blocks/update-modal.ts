import type { BotConfig } from '#config/bot-config.ts';
import type { Incident } from '#domain/incident.ts';
import { cadenceFor, parseDuration } from '#domain/update-cadence.ts';
import { LIMITS, option, plainText, viewLabel } from './block-kit.ts';

export const UPDATE_MODAL_ID = 'status_update';
const NEXT_IN = ['15m', '30m', '1h', '2h', '4h', '8h', '1d'];

/** The form `/incident update` (and the nudge's button) opens: the text, the status, the next update. */
export function buildUpdateModal(incident: Incident, config: BotConfig): Record<string, unknown> {
  const statuses = config.incident.statuses.slice(0, -1).slice(0, LIMITS.options);
  const cadence = cadenceFor(incident.severity, config.incident.updateEvery);
  const initialNext = NEXT_IN.find((n) => parseDuration(n) === cadence);
  const status = statuses.includes(incident.status) ? incident.status : statuses[0]!;
  return {
    type: 'modal',
    callback_id: UPDATE_MODAL_ID,
    private_metadata: JSON.stringify({ incidentId: incident.id }),
    title: viewLabel('Status update'),
    submit: viewLabel('Post'),
    close: viewLabel('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'text',
        label: plainText('What is going on', LIMITS.optionText),
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: true,
          max_length: LIMITS.inputLength,
          placeholder: plainText('What we know, what we are doing, what people should expect', 150),
        },
      },
      {
        type: 'input',
        block_id: 'status',
        label: plainText('Status', LIMITS.optionText),
        element: {
          type: 'static_select',
          action_id: 'status',
          options: statuses.map((s) => option(s, s)),
          initial_option: option(status, status),
        },
      },
      {
        type: 'input',
        block_id: 'next',
        optional: true,
        label: plainText('Next update in', LIMITS.optionText),
        element: {
          type: 'static_select',
          action_id: 'next',
          options: NEXT_IN.map((n) => option(n, n)),
          ...(initialNext ? { initial_option: option(initialNext, initialNext) } : {}),
        },
      },
    ],
  };
}

type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function readUpdateModal(values: Values): { text: string; status: string | null; nextInMinutes: number | null } {
  const next = values['next']?.['next']?.selected_option?.value;
  return {
    text: values['text']?.['text']?.value?.trim() ?? '',
    status: values['status']?.['status']?.selected_option?.value ?? null,
    nextInMinutes: next ? parseDuration(next) : null,
  };
}
