import { readFileSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import { createProgram } from './commands/create-program.ts';
import { describeError } from './commands/describe-error.ts';

/** `scribe …`: returns the exit code: 0 done, 1 failed, 2 used wrongly. Never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  failInOneLine();
  let exitCode = 0;
  const program = createProgram(packageVersion(), (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return usageExitCode(error, commandPath(program, argv));
    console.error(`${commandPath(program, argv)}: ${describeError(error)}`);
    return 1;
  }
}

function usageExitCode(error: CommanderError, path: string): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  // `scribe help` (0), or a command that needs a subcommand and got none (its help is already on stderr).
  if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '');
  console.error(`${path}: ${message}; see \`${path} --help\``);
  return 2;
}

/** `scribe rca lint` for `rca lint --bad x`: the deepest command the arguments name. */
function commandPath(program: Command, argv: string[]): string {
  const names = [program.name()];
  let command = program;
  for (const arg of argv) {
    const sub = command.commands.find((c) => c.name() === arg);
    if (!sub) break;
    names.push(arg);
    command = sub;
  }
  return names.join(' ');
}

/**
 * Whatever goes wrong outside a command's own handling (output closed under `| head`, an error thrown
 * from a callback) ends the process with one line on stderr and exit 1, not a stack trace.
 */
function failInOneLine(): void {
  const fail = (error: unknown) => {
    const closed = (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
    process.stderr.write(
      closed ? 'scribe: the output was closed before it ended (EPIPE)\n' : `scribe: ${describeError(error)}\n`,
    );
    process.exit(1);
  };
  process.stdout.on('error', fail);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
