import type { Command } from './command.ts';
import { demo } from './demo.ts';
import { rcaLint } from './rca-lint.ts';
import { rcaParse } from './rca-parse.ts';
import { remind } from './remind.ts';
import { start } from './start.ts';

export type { Command } from './command.ts';

export const COMMANDS: Record<string, Command> = {
  start,
  demo,
  'rca parse': rcaParse,
  'rca lint': rcaLint,
  remind,
};
