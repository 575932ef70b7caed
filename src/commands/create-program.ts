import { Command, Help, Option } from 'commander';
import type { LintFormat } from '#rca/format-lint-reports.ts';
import { LINT_FORMATS } from './lint-formats.ts';

/** What an action reports back: the process's exit code (0 ok, 1 failure, 2 usage). */
export type SetExitCode = (code: number) => void;

/**
 * The `scribe` command tree: names, arguments, options and help only. Each action imports its
 * command's module when it runs, so `scribe --help` or `scribe rca lint` never loads Bolt, Kysely or git.
 */
export function createProgram(version: string, setExitCode: SetExitCode): Command {
  // Set before the subcommands are added, which copy them: errors come back to main() as exceptions,
  // and main() prints them as one line.
  const program = new Command('scribe')
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .description('Incident Scribe: the Slack bot for incidents, and the tools for its RCA files.')
    .version(version, '-v, --version', 'Print the version')
    .helpOption('-h, --help', 'Show this help')
    .helpCommand('help [command]', 'Show the help of a command')
    .configureHelp({ visibleCommands: listCommands, subcommandTerm: commandTerm })
    .showSuggestionAfterError(true)
    .addHelpText('after', "\nRun `scribe <command> --help` for a command's options; the README has examples.");

  program
    .command('start')
    .description('Run the bot (Socket Mode by default; HTTP mode with SLACK_MODE=http); reads .env')
    .action(async () => setExitCode(await (await import('./start.ts')).start()));

  program
    .command('demo')
    .description('Play a short incident against a local Slack emulator: no Slack, no tokens')
    .action(async () => setExitCode(await (await import('./demo.ts')).demo()));

  const rca = program
    .command('rca')
    .description('Read and check RCA files (for a postmortem repository and its CI)')
    .helpCommand(false);

  rca
    .command('parse')
    .description('Parse an RCA file and print what it holds; exit 1 if it has errors')
    .argument('<file>', 'The RCA file')
    .option('--json', 'Print the parse result as JSON')
    .action(async (file: string, options: { json?: boolean }) =>
      setExitCode(await (await import('./rca-parse.ts')).rcaParse(file, options)),
    );

  rca
    .command('lint')
    .description('Lint RCA files for a postmortem repository; exit 1 on errors')
    .addHelpText(
      'after',
      '\nIn a folder, lints the .md files that have front matter or sit in an RCA directory (rca.dirs), and skips\nREADME-like files and what .scribeignore (at the root, .gitignore syntax) or --ignore names.\nRule severities come from lint.rules in the configuration: {timeline-order: warn, dangling-link: off}.',
    )
    .argument('<paths...>', 'Files or directories')
    .addOption(new Option('--format <format>', 'Output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('--ignore <pattern...>', 'Skip files matching these glob patterns (besides .scribeignore)')
    .option('--root <dir>', 'Where wiki links may point (default: the git repository or vault root)')
    .action(async (paths: string[], options: LintCommandOptions) =>
      setExitCode(await (await import('./rca-lint.ts')).rcaLint(paths, options)),
    );

  program
    .command('remind')
    .description('Show the action-item reminders a run would send (no Slack, no store); reads .env')
    .requiredOption('--dry-run', 'Print what would be sent; send nothing (required)')
    .option(
      '--repo <dir-or-url>',
      'The RCA repository: a folder, or a git URL cloned into a temporary folder (default: RCA_REPO); its rca.dirs are read',
    )
    .option(
      '--private-repo <dir-or-url>',
      "The private incidents' own repository, read too (default without --repo: RCA_PRIVATE_REPO)",
    )
    .option('--today <YYYY-MM-DD>', 'The day to plan for (default: today in reminders.timeZone)')
    .option('--json', 'Print JSON: { repository, privateRepository, files, reminders, needsAttention, warnings }')
    .action(async (options: RemindCommandOptions) => setExitCode(await (await import('./remind.ts')).remind(options)));

  return program;
}

/** Help lists `rca parse` and `rca lint` themselves, not only `rca`: every command is one line away. */
function listCommands(command: Command): Command[] {
  return command.commands.flatMap((sub) => (sub.commands.length > 0 ? [sub, ...sub.commands] : [sub]));
}

function commandTerm(command: Command): string {
  const term = new Help().subcommandTerm(command);
  const parent = command.parent;
  return parent?.parent ? `${parent.name()} ${term}` : term;
}

export interface LintCommandOptions {
  format: LintFormat;
  ignore?: string[];
  root?: string;
}

export interface RemindCommandOptions {
  dryRun: true;
  repo?: string;
  privateRepo?: string;
  today?: string;
  json?: boolean;
}
