import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RcaDraft } from '#rca/rca-draft.ts';
import { renderRca } from '#rca/render-rca.ts';

const SERVICES = [
  'checkout',
  'payments',
  'search',
  'auth-service',
  'billing-api',
  'inventory-api',
  'order-service',
  'notification-service',
];
const OWNERS = [
  'Platform Engineering',
  'Database Team',
  'Backend Team',
  '@ana',
  '<@U024BE7LH>',
  'sre@example.com',
  'Unknown Team',
];

/** A deterministic pseudo-random draft number `i`: ~3 KB of RCA with four action items. */
export function generatedDraft(i: number, baseDay = Date.UTC(2024, 0, 1)): RcaDraft {
  const day = new Date(baseDay + (i % 900) * 86_400_000).toISOString().slice(0, 10);
  const due = (offset: number) => new Date(baseDay + ((i % 900) + offset) * 86_400_000).toISOString().slice(0, 10);
  const service = SERVICES[i % SERVICES.length]!;
  return {
    title: `${day} - Incident ${i} in ${service}`,
    date: day,
    severity: `P${(i % 3) + 1}`,
    services: [service, SERVICES[(i + 3) % SERVICES.length]!],
    tags: ['rca', `p${(i % 3) + 1}`],
    status: 'resolved',
    durationMinutes: 20 + (i % 90),
    author: 'DevOps',
    preparedOn: day,
    summary: `On ${day}, the ${service} service had incident ${i}. The incident lasted approximately ${20 + (i % 90)} minutes and affected ${i % 1000} users.`,
    rootCause: 'A regression in the cache layer.\n\n1. Recent change\n2. Missing test\n3. Monitoring gap',
    impact: '- Error rate spike: 13%\n- Latency p99 7s',
    customerImpact: '- 53 support tickets',
    resolution: '1. Hotfix\n2. Regression tests',
    wentWell: '- Alert fired quickly',
    toImprove: '- Runbook was stale',
    timeline: Array.from({ length: 7 }, (_, k) => ({
      time: `1${k}:${String((i + k * 7) % 60).padStart(2, '0')}`,
      event: `Step ${k} of incident ${i}`,
    })),
    actionItems: Array.from({ length: 4 }, (_, k) => ({
      priority: `P${(k % 3) + 1}`,
      action: `Follow-up ${k} for incident ${i} | with a pipe`,
      owner: OWNERS[(i + k) % OWNERS.length]!,
      due: due(7 * (k + 1)),
      done: (i + k) % 5 === 0,
    })),
    related: [],
    diagram: false,
  };
}

/** Writes `count` generated RCAs under `dir/RCAs/`. */
export function writeGeneratedRcas(dir: string, count: number, template: string): void {
  mkdirSync(join(dir, 'RCAs'), { recursive: true });
  for (let i = 0; i < count; i += 1) {
    const draft = generatedDraft(i);
    writeFileSync(join(dir, 'RCAs', `${draft.date}-incident-${i}.md`), renderRca(draft, template));
  }
}
