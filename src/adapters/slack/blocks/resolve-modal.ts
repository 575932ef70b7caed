import type { Incident } from '#domain/incident.ts';

export const RESOLVE_MODAL_ID = 'resolve_incident';
const FIELDS = [
  ['summary', 'Summary', 'What happened, in two or three sentences'],
  ['rootCause', 'Root cause', 'Why it happened'],
  ['impact', 'Impact', 'Who and what was affected'],
  ['resolution', 'Resolution', 'What fixed it'],
] as const;

/** The optional form `/incident resolve` opens: every field can be skipped and filled in the RCA later. */
export function buildResolveModal(incident: Incident): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: RESOLVE_MODAL_ID,
    private_metadata: JSON.stringify({ incidentId: incident.id }),
    title: { type: 'plain_text', text: 'Resolve the incident' },
    submit: { type: 'plain_text', text: 'Resolve' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: FIELDS.map(([id, label, placeholder]) => ({
      type: 'input',
      block_id: id,
      optional: true,
      label: { type: 'plain_text', text: label },
      element: {
        type: 'plain_text_input',
        action_id: id,
        multiline: true,
        placeholder: { type: 'plain_text', text: placeholder },
        ...(incident[id] ? { initial_value: incident[id].slice(0, 3000) } : {}),
      },
    })),
  };
}

export function readResolveModal(
  values: Record<string, Record<string, { value?: string | null }>>,
): Record<(typeof FIELDS)[number][0], string> {
  const read = (id: string) => values[id]?.[id]?.value?.trim() ?? '';
  return {
    summary: read('summary'),
    rootCause: read('rootCause'),
    impact: read('impact'),
    resolution: read('resolution'),
  };
}
