import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'password', 'authorization', 'secret'];

/** Matches anything shaped like a Slack token or a credential inside a URL. */
const SECRET_PATTERNS = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /(\/\/[^/\s:@]+:)[^@\s/]+@/g];

/** Masks tokens and URL credentials in any string, so nothing secret reaches a log line. */
export function redactSecrets(text: string, extra: string[] = []): string {
  let out = text;
  for (const secret of extra) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  out = out.replace(SECRET_PATTERNS[0]!, '[redacted]').replace(SECRET_PATTERNS[1]!, '[redacted]');
  return out.replace(SECRET_PATTERNS[2]!, '$1[redacted]@');
}

/**
 * Structured JSON logs (pino). Secret-named keys are censored by path, and every line is passed through
 * `redactSecrets` on its way out as well, so a token inside an error message is masked too.
 */
export function createLogger(options: {
  level: string;
  secrets?: string[];
  destination?: NodeJS.WritableStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const out = options.destination ?? process.stdout;
  const stream = {
    write(line: string) {
      out.write(redactSecrets(line, secrets));
    },
  };
  return pino(
    {
      level: options.level,
      base: { service: 'incident-scribe' },
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
