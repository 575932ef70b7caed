import { describe, expect, it } from 'vitest';
import { buildReviewBody } from '#rca/build-review-body.ts';

const RCA = `---
title: 2026-01-05 - Checkout errors
severity: P2
---

# 2026-01-05 - Checkout errors

## Summary

Checkout failed for 12 minutes.

## Root Cause

> _To fill in: What caused it?_

## Impact

Some customers.

### Customer Impact

> _To fill in: Who noticed?_

\`\`\`
## Not a heading
> _To fill in: inside code_
\`\`\`

## Action Items

| Priority | Action | Owner | Due | Status |
|---|---|---|---|---|
| P1 | Add an alert | @ana | 2026-02-01 | Open |
`;

describe('buildReviewBody', () => {
  it('has the title, summary, metrics, action items and the sections still to fill in', () => {
    const { title, body } = buildReviewBody(
      RCA,
      { toDetect: 3, toAcknowledge: 2, toMitigate: 9, toResolve: 12, toFirstResolve: null },
      { file: 'https://git.example/rca.md' },
    );

    expect(title).toBe('2026-01-05 - Checkout errors');
    expect(body).toContain('## Summary\n\nCheckout failed for 12 minutes.\n');
    expect(body).toContain(
      '- Time to detect: 3 min\n- Time to acknowledge: 2 min\n- Time to mitigate: 9 min\n- Time to resolve: 12 min',
    );
    expect(body).toContain('- [ ] **P1** Add an alert (@ana, due 2026-02-01)');
    expect(body).toContain('## Still to fill in\n\n- [ ] Root Cause\n- [ ] Customer Impact\n');
    expect(body).not.toContain('Not a heading');
    expect(body).toContain('The RCA: https://git.example/rca.md');
  });
});
