import { type ParseArgsConfig, parseArgs } from 'node:util';
import { COMMANDS, type Command } from './commands/index.ts';

const USAGE = `Usage: scribe <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(18)} ${command.summary}`)
  .join('\n')}

Run \`scribe <command> --help\` for a command's options.`;

/** `scribe …`: returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(USAGE);
    return first === undefined ? 1 : 0;
  }
  const twoWord = second !== undefined ? `${first} ${second}` : '';
  const name = twoWord in COMMANDS ? twoWord : first;
  const command = COMMANDS[name];
  if (!command) {
    console.error(`scribe: unknown command "${argv.slice(0, 2).join(' ')}".\n\n${USAGE}`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(helpFor(name, command));
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    } as ParseArgsConfig) as typeof parsed;
  } catch (error) {
    console.error(`scribe ${name}: ${(error as Error).message}\n\n${helpFor(name, command)}`);
    return 2;
  }
  return command.run(parsed.values, parsed.positionals);
}

function helpFor(name: string, command: Command): string {
  const options = Object.entries(command.options).map(
    ([option, spec]) =>
      `  --${option}${spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : ''}`.padEnd(28) +
      (spec.description ?? ''),
  );
  return [
    `Usage: scribe ${name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...options,
    '  --help'.padEnd(28) + 'Show this help',
  ].join('\n');
}
