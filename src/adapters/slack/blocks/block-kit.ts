import { clampText } from './clamp-text.ts';

/**
 * Block Kit objects with Slack's published limits applied where they are built
 * (docs.slack.dev/reference/block-kit): header text 150, section text 3,000 and each of at most 10
 * fields 2,000, context at most 10 elements, button text 75 and value 2,000, option text 75 and value
 * 150, at most 100 options, modal title, submit and close 24.
 */
export const LIMITS = {
  header: 150,
  section: 3000,
  field: 2000,
  fields: 10,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  viewTitle: 24,
  messageBlocks: 50,
  viewBlocks: 100,
  inputLength: 3000,
} as const;

export const plainText = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: clampText(text, max),
  emoji: true,
});

export const mrkdwn = (text: string, max: number = LIMITS.section) => ({
  type: 'mrkdwn' as const,
  text: clampText(text, max),
});

export const header = (text: string) => ({ type: 'header', text: plainText(text, LIMITS.header) });

export const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });

export const fieldsSection = (texts: string[]) => ({
  type: 'section',
  fields: texts.slice(0, LIMITS.fields).map((t) => mrkdwn(t, LIMITS.field)),
});

export const context = (texts: string[]) => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)),
});

export const option = (text: string, value: string) => ({
  text: plainText(text, LIMITS.optionText),
  value: value.slice(0, LIMITS.optionValue),
});

/** A modal's title, submit or close label. */
export const viewLabel = (text: string) => plainText(text, LIMITS.viewTitle);
