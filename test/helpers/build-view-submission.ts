import type {
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import { type Answers, buildMiddlewareArgs } from './build-middleware-args.ts';

export type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** A form field as Slack sends it: typed text, or a chosen option. */
export type FieldValue = string | { option: string } | null;

export interface FormSubmission {
  callbackId: string;
  /** Field values by block id (the action id is the same in every form of ours). */
  fields?: Record<string, FieldValue>;
  privateMetadata?: Record<string, unknown>;
  userId?: string;
  viewId?: string;
}

/** A modal submitted (`view_submission`) as Bolt hands it to a view listener. */
export function buildViewSubmission(form: FormSubmission): { args: ViewArgs; answers: Answers } {
  const base = buildMiddlewareArgs();
  const values: ViewOutput['state']['values'] = {};
  for (const [id, field] of Object.entries(form.fields ?? {})) values[id] = { [id]: stateValue(field) };
  const view: ViewOutput = {
    id: form.viewId ?? 'VFORM1',
    callback_id: form.callbackId,
    team_id: 'T1',
    app_id: 'A1',
    bot_id: 'BBOT',
    title: { type: 'plain_text', text: 'Form' },
    type: 'modal',
    blocks: [],
    close: null,
    submit: { type: 'plain_text', text: 'Submit' },
    state: { values },
    hash: 'hash',
    private_metadata: form.privateMetadata ? JSON.stringify(form.privateMetadata) : '',
    root_view_id: null,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
  };
  const userId = form.userId ?? 'UANA';
  const body: ViewSubmitAction = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: userId, name: userId.toLowerCase() },
    view,
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: 'T3.trigger',
  };
  const args: ViewArgs = { ...base.args, payload: view, view, body, ack: base.ack, respond: base.respond };
  return { args, answers: base.answers };
}

function stateValue(field: FieldValue): ViewStateValue {
  if (field === null) return { type: 'static_select', selected_option: null };
  if (typeof field === 'string') return { type: 'plain_text_input', value: field };
  return {
    type: 'static_select',
    selected_option: { text: { type: 'plain_text', text: field.option }, value: field.option },
  };
}
