import { loadSettings } from '#config/load-settings.ts';
import { DEMO_HINT, type RunningBot, SetupError, startBot } from '#src/main.ts';
import { loadEnvFile } from './load-env-file.ts';

/** `scribe start`: runs the bot until SIGTERM or SIGINT; returns 1 when it cannot start. */
export async function start(): Promise<number> {
  // Listen for signals before anything starts, so a SIGTERM during start-up still shuts down cleanly.
  let signalled: string | null = null;
  let onSignal: (signal: string) => void = (signal) => {
    signalled = signal;
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));

  loadEnvFile();
  const loaded = loadSettings({ forBot: true });
  for (const warning of loaded.warnings) console.error(`Warning: ${warning}`);
  if (!loaded.ok) {
    console.error(
      `Incident Scribe cannot start; the settings have ${loaded.errors.length} problem(s):\n  ${loaded.errors.join('\n  ')}\nSee README "Configuration". ${DEMO_HINT}`,
    );
    return 1;
  }
  let bot: RunningBot;
  try {
    bot = await startBot(loaded.settings);
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`Incident Scribe cannot start:\n${error.message}`);
      return 1;
    }
    throw error;
  }
  return new Promise<number>((resolve) => {
    onSignal = (signal) => {
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      bot.stop(signal).then(
        () => {
          // Leave promptly even if a client library keeps a socket or timer open for a while.
          setTimeout(() => process.exit(0), 300).unref();
          resolve(0);
        },
        () => resolve(1),
      );
    };
    if (signalled !== null) onSignal(signalled);
  });
}
