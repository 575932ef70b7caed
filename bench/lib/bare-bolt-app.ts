/**
 * The ack floor of the timeline benchmark: a Bolt app over Socket Mode, configured as the bot's is
 * (no conversation store, warn-level logs), whose listeners do nothing. Bolt acks every Events API
 * event itself before its listeners run (App.processEvent, "Events API requests are acknowledged right
 * away"), so delivery → ack here is the emulator, the WebSocket and Bolt, with no store write. Run in
 * its own process, as the bot is; it prints "bare bolt running" once connected.
 */
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';

const apiUrl = process.env['SLACK_API_URL']!;
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...msg: unknown[]) => console.error(...msg),
  error: (...msg: unknown[]) => console.error(...msg),
  setLevel: () => undefined,
  getLevel: () => LogLevel.WARN,
  setName: () => undefined,
};
const receiver = new SocketModeReceiver({
  appToken: process.env['SLACK_APP_TOKEN']!,
  logger: quiet,
  installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
});
const app = new App({
  token: process.env['SLACK_BOT_TOKEN']!,
  receiver,
  clientOptions: { slackApiUrl: apiUrl },
  logger: quiet,
  logLevel: LogLevel.WARN,
  convoStore: false,
});
app.event('reaction_added', async () => undefined);
app.event('message', async () => undefined);
await app.start();
console.log('bare bolt running');
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
