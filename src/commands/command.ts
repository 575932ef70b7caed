export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  description?: string;
  valueName?: string;
}

/** One `scribe` subcommand: its options (parsed strictly by node:util parseArgs) and what it does. */
export interface Command {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}
