import type { BotConfig } from '#config/bot-config.ts';

export const DECLARE_MODAL_ID = 'declare_incident';

/** The form `/incident declare` opens when no title is given. */
export function buildDeclareModal(config: BotConfig, channelId: string): Record<string, unknown> {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  return {
    type: 'modal',
    callback_id: DECLARE_MODAL_ID,
    private_metadata: JSON.stringify({ channelId }),
    title: { type: 'plain_text', text: 'Declare an incident' },
    submit: { type: 'plain_text', text: 'Declare' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'title',
        label: { type: 'plain_text', text: 'Title' },
        element: { type: 'plain_text_input', action_id: 'title', max_length: 150 },
      },
      {
        type: 'input',
        block_id: 'severity',
        label: { type: 'plain_text', text: 'Severity' },
        element: {
          type: 'static_select',
          action_id: 'severity',
          options: config.incident.severities.map(option),
          initial_option: option(config.incident.defaultSeverity),
        },
      },
      {
        type: 'input',
        block_id: 'summary',
        optional: true,
        label: { type: 'plain_text', text: 'What is happening?' },
        element: { type: 'plain_text_input', action_id: 'summary', multiline: true },
      },
      {
        type: 'input',
        block_id: 'services',
        optional: true,
        label: { type: 'plain_text', text: 'Affected services (comma separated)' },
        element: { type: 'plain_text_input', action_id: 'services' },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

export function readDeclareModal(values: StateValues): {
  title: string;
  severity: string | null;
  summary: string;
  services: string[];
} {
  const text = (block: string) => values[block]?.[block]?.value ?? '';
  return {
    title: text('title').trim(),
    severity: values['severity']?.['severity']?.selected_option?.value ?? null,
    summary: text('summary').trim(),
    services: text('services')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
