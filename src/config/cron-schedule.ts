import cron from 'node-cron';
import { z } from 'zod';
import { describeFound, expected } from './expected.ts';

const EXAMPLE = 'a cron expression such as "0 9 * * 1-5" (09:00 on weekdays)';

/** A cron expression node-cron will run, checked at load rather than when the job is scheduled. */
export const cronSchedule = z.string(expected(EXAMPLE)).check((ctx) => {
  const result = cron.validateDetailed(ctx.value);
  if (result.valid) return;
  const why = result.errors.map((e) => e.message).join('; ');
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `expected ${EXAMPLE}, found ${describeFound(ctx.value)}${why ? ` (${why})` : ''}`,
  });
});
