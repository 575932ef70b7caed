import { CHAT_METHODS } from './chat-methods.ts';
import { CONVERSATIONS_METHODS } from './conversations-methods.ts';
import type { Handler } from './method-context.ts';
import { REACTIONS_METHODS } from './reactions-methods.ts';
import { USERS_METHODS } from './users-methods.ts';
import { VIEWS_METHODS } from './views-methods.ts';

/** The Web API methods the bot calls, each following Slack's documented arguments and errors. */
export const METHODS: Record<string, Handler> = {
  ...USERS_METHODS,
  ...CONVERSATIONS_METHODS,
  ...CHAT_METHODS,
  ...REACTIONS_METHODS,
  ...VIEWS_METHODS,
};
