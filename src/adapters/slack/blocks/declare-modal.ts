import type { BotConfig } from '#config/bot-config.ts';
import { LIMITS, option, plainText, viewLabel } from './block-kit.ts';

export const DECLARE_MODAL_ID = 'declare_incident';

/**
 * The form `/incident declare` opens when no title is given. A select holds at most 100 options of 75
 * characters: the first severities (the default always among them) are offered, and
 * `/incident declare <severity> <title>` takes any of them.
 */
export function buildDeclareModal(
  config: BotConfig,
  channelId: string,
  options: { private?: boolean } = {},
): Record<string, unknown> {
  const { severities, defaultSeverity } = config.incident;
  const offered = severities.slice(0, LIMITS.options);
  if (!offered.includes(defaultSeverity)) offered[offered.length - 1] = defaultSeverity;
  const severityOption = (severity: string) => option(severity, severityValue(severities, severity));
  return {
    type: 'modal',
    callback_id: DECLARE_MODAL_ID,
    private_metadata: JSON.stringify({ channelId }),
    title: viewLabel('Declare an incident'),
    submit: viewLabel('Declare'),
    close: viewLabel('Cancel'),
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
        label: plainText('Severity', 2000),
        element: {
          type: 'static_select',
          action_id: 'severity',
          options: offered.map(severityOption),
          initial_option: severityOption(defaultSeverity),
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
      {
        type: 'input',
        block_id: 'private',
        optional: true,
        label: { type: 'plain_text', text: 'Visibility' },
        element: {
          type: 'checkboxes',
          action_id: 'private',
          options: [PRIVATE_OPTION],
          ...(options.private ? { initial_options: [PRIVATE_OPTION] } : {}),
        },
      },
    ],
  };
}

const PRIVATE_OPTION = {
  text: { type: 'plain_text', text: 'Private' },
  description: { type: 'plain_text', text: 'A private channel; nothing about it is announced' },
  value: 'private',
};

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[] | null;
    }
  >
>;

/** A severity's option value: itself when it fits in 150 characters, its place in the list otherwise. */
function severityValue(severities: string[], severity: string): string {
  return severity.length <= LIMITS.optionValue ? severity : `#${severities.indexOf(severity)}`;
}

/** The severity an option value stands for. */
export function severityFromValue(severities: string[], value: string): string {
  const place = /^#(\d+)$/.exec(value);
  return (place && severities[Number(place[1])]) || value;
}

export function readDeclareModal(values: StateValues): {
  title: string;
  severity: string | null;
  summary: string;
  services: string[];
  private: boolean;
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
    private: (values['private']?.['private']?.selected_options ?? []).some((o) => o.value === 'private'),
  };
}
