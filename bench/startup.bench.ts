/**
 * Start-up time of the command line and the bot, as the package and the image run them (compiled
 * dist/, built here first), next to `node -e 0` measured in the same run (the floor no Node program
 * beats) and to the sources through tsx (how every call ran before the build). Runs are interleaved
 * so a busy machine slows all of them alike; the figure is the median.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '#config/load-config.ts';
import { startSlackEmulator } from '#emulator/slack-emulator.ts';
import { writeGeneratedRcas } from './lib/generate-rcas.ts';
import { percentile } from './lib/stats.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const BIN = join(PROJECT_ROOT, 'bin/scribe.js');
const FROM_SOURCE = ['--conditions=development', BIN];

// Built here and removed at the end unless it was there before: a clone runs its sources (see bin/scribe.js).
const hadDist = existsSync(join(PROJECT_ROOT, 'dist'));
const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/build.js')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const repo = mkdtempSync(join(tmpdir(), 'scribe-bench-startup-'));
writeGeneratedRcas(repo, 1, readFileSync(join(PROJECT_ROOT, 'templates/rca.md'), 'utf8'));
const rcaFile = join(repo, 'RCAs', readdirSync(join(repo, 'RCAs'))[0]!);

function timeRun(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** From spawning `scribe start` to its "Incident Scribe is running" line, connected to the emulator. */
async function timeBotStart(args: string[]): Promise<number> {
  const slack = await startSlackEmulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'scribe-bench-startup-data-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args, 'start'], {
    cwd: repo,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      SCRIBE_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Incident Scribe is running')) resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`scribe start exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners('exit');
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  await slack.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

const cases: { name: string; args: string[]; target?: number }[] = [
  { name: 'node -e 0 (the floor)', args: ['-e', '0'] },
  { name: 'scribe --help', args: [BIN, '--help'], target: 200 },
  { name: 'scribe rca lint <one file>', args: [BIN, 'rca', 'lint', rcaFile], target: 400 },
  { name: 'scribe --help, sources through tsx', args: [...FROM_SOURCE, '--help'] },
  { name: 'scribe rca lint, sources through tsx', args: [...FROM_SOURCE, 'rca', 'lint', rcaFile] },
];
const times = new Map(cases.map((c) => [c.name, [] as number[]]));
for (let round = 0; round < ROUNDS; round += 1) for (const c of cases) times.get(c.name)!.push(timeRun(c.args));

const botRounds = Math.max(3, Math.ceil(ROUNDS / 2));
const bot = { dist: [] as number[], source: [] as number[] };
for (let round = 0; round < botRounds; round += 1) {
  bot.dist.push(await timeBotStart([BIN]));
  bot.source.push(await timeBotStart(FROM_SOURCE));
}

const median = (values: number[]) => percentile(values, 50);
const floor = median(times.get(cases[0]!.name)!);
const line = (name: string, ms: number, goal: string) =>
  console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${goal}`);
console.log(`median of ${ROUNDS} runs each (bot start: ${botRounds}), interleaved`);
for (const c of cases) {
  const ms = median(times.get(c.name)!);
  const goal =
    c.target === undefined
      ? ''
      : `target ≤ ${c.target} ms: ${ms <= c.target ? 'met' : 'MISSED'}; ${(ms - floor).toFixed(0)} ms over node -e 0 (${floor.toFixed(0)} ms)`;
  line(c.name, ms, goal);
}
const distStart = median(bot.dist);
const sourceStart = median(bot.source);
line('scribe start → ready, sources (before)', sourceStart, '');
line(
  'scribe start → ready (dist)',
  distStart,
  `target ≤ the sources' ${sourceStart.toFixed(0)} ms: ${distStart <= sourceStart ? 'met' : 'MISSED'}`,
);
rmSync(repo, { recursive: true, force: true });
if (!hadDist) rmSync(join(PROJECT_ROOT, 'dist'), { recursive: true, force: true });
