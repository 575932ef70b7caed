import { z } from 'zod';
import { expected } from './expected.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, checked with the runtime's own list. */
export const timeZone = z
  .string(expected('an IANA time zone such as Europe/Berlin'))
  .refine(isTimeZone, expected('an IANA time zone such as Europe/Berlin'));
