import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One Web API method as Slack documents it in api-ref/ (slack-api-ref's copy of Slack's reference). */
export interface MethodSpec {
  name: string;
  required: string[];
  errors: Set<string>;
  botScopes: string[];
  tier: string;
}

/** Errors any method may return: the documented common ones and the platform's argument check. */
const PLATFORM_ERRORS = ['invalid_arguments'];

export function loadApiReference(apiRefDir: string): { method(name: string): MethodSpec | null } {
  const common = JSON.parse(readFileSync(join(apiRefDir, 'methods/_errors/common.json'), 'utf8')) as {
    errors: Record<string, string>;
  };
  const cache = new Map<string, MethodSpec | null>();
  return {
    method(name) {
      if (cache.has(name)) return cache.get(name)!;
      const file = join(apiRefDir, 'docs.slack.dev/methods', `${name}.json`);
      if (!/^[a-zA-Z.]+$/.test(name) || !existsSync(file)) {
        cache.set(name, null);
        return null;
      }
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        args?: { required?: string[] };
        errors?: Record<string, unknown>;
        scope?: { bot?: string[] };
        rate_limits?: string;
      };
      const spec: MethodSpec = {
        name,
        required: (doc.args?.required ?? []).filter((arg) => arg !== 'token'),
        errors: new Set([...Object.keys(doc.errors ?? {}), ...Object.keys(common.errors), ...PLATFORM_ERRORS]),
        botScopes: doc.scope?.bot ?? [],
        tier: doc.rate_limits ?? 't3',
      };
      cache.set(name, spec);
      return spec;
    },
  };
}
