import type { BotConfig } from '#config/bot-config.ts';
import type { WebhookTarget } from './webhook-target.ts';

/**
 * Each configured webhook with the signing secret its `secret` variable holds. A variable that is not
 * set is a problem naming the webhook and the variable, so the operator knows what to export.
 */
export function resolveWebhookTargets(
  webhooks: BotConfig['webhooks'],
  env: Record<string, string | undefined>,
): { targets: WebhookTarget[]; problems: string[] } {
  const targets: WebhookTarget[] = [];
  const problems: string[] = [];
  webhooks.forEach((hook, i) => {
    const secret = env[hook.secret]?.trim() ?? '';
    if (secret === '') {
      problems.push(
        `webhooks[${i}].secret: ${hook.secret} is not set; set it to the shared secret ${new URL(hook.url).host} checks X-Scribe-Signature with (any long random string, e.g. from \`openssl rand -hex 32\`)`,
      );
      return;
    }
    targets.push({ url: hook.url, events: hook.events, secret });
  });
  return { targets, problems };
}
