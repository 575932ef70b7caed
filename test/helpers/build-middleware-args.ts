import type { AllMiddlewareArgs, Logger, RespondArguments, RespondFn, SayArguments, SayFn } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** What a listener answered through Bolt's functions, in order. */
export interface Answers {
  /** Each `ack` call's argument (`undefined` for a bare ack). */
  acks: unknown[];
  respond: (string | RespondArguments)[];
  say: (string | SayArguments)[];
  logged: { level: string; args: unknown[] }[];
}

/**
 * The arguments Bolt gives every listener (`context`, `logger`, `client`, `next`) and recorders for
 * `ack`, `respond` and `say`. The `client` throws when touched: listeners reach Slack through the
 * `Chat` port, so a listener calling the Web API directly fails its test.
 */
export function buildMiddlewareArgs(): {
  args: AllMiddlewareArgs;
  answers: Answers;
  ack: (response?: unknown) => Promise<void>;
  respond: RespondFn;
  say: SayFn;
} {
  const answers: Answers = { acks: [], respond: [], say: [], logged: [] };
  const client = new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`a listener used the Web API client directly (client.${String(property)}): use the Chat port`);
      },
    },
  ) as WebClient;
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void answers.logged.push({ level, args });
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
  return {
    args: {
      context: { isEnterpriseInstall: false, botUserId: 'UBOT', botId: 'BBOT' },
      logger,
      client,
      next: async () => undefined,
    },
    answers,
    ack: async (response?: unknown) => {
      answers.acks.push(response);
    },
    respond: async (message) => {
      answers.respond.push(message);
      return new Response('ok');
    },
    say: async (message) => {
      answers.say.push(message);
      return { ok: true };
    },
  };
}

/** The text of an answer, whether it was given as a string or as message arguments. */
export function answerText(answer: unknown): string {
  if (typeof answer === 'string') return answer;
  if (answer && typeof answer === 'object' && 'text' in answer && typeof answer.text === 'string') return answer.text;
  return '';
}
