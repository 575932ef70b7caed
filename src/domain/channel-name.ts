import { cutAtHyphen, slugify } from './slugify.ts';

/** Slack's rule: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
export const CHANNEL_NAME_MAX = 80;
const VALID = /^[a-z0-9_-]{1,80}$/;

export interface ChannelNameOptions {
  prefix: string;
  date: string | null;
}

/** `inc-2025-04-07-cache-invalidation-bug`; a title of emoji or punctuation still gives a valid name. */
export function buildChannelName(title: string, options: ChannelNameOptions): string {
  const head = [options.prefix, options.date].filter((part): part is string => Boolean(part)).join('-');
  const room = CHANNEL_NAME_MAX - (head === '' ? 0 : head.length + 1);
  const slug = slugify(title, room) || 'incident';
  return head === '' ? slug : `${head}-${slug}`;
}

/** The name to try after `name_taken`: `-2`, `-3`, … with the base shortened to stay within 80. */
export function withSuffix(name: string, attempt: number): string {
  const suffix = `-${attempt}`;
  return `${cutAtHyphen(name, CHANNEL_NAME_MAX - suffix.length)}${suffix}`;
}

export function isValidChannelName(name: string): boolean {
  return VALID.test(name) && /[a-z0-9]/.test(name);
}
