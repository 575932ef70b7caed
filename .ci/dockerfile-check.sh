#!/usr/bin/env bash
# No Docker engine runs on these machines, so this plays the Dockerfile's own steps in a temporary
# directory: copy what the COPY lines copy, run `npm ci --omit=dev` as the build stage does, then start
# the CMD (`node bin/scribe.js start`) with the runtime ENV, against the local Slack emulator, and ask
# the HEALTHCHECK's question of /healthz. It fails if the image would not build or start.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
bot=""; emu=""
trap 'kill $bot $emu 2>/dev/null || true; rm -rf "$work"' EXIT
app="$work/app"
mkdir -p "$app" "$work/data"

# The COPY lines, in order.
grep -E '^COPY [^-]' "$root/Dockerfile" | while read -r _ sources; do
  dest="${sources##* }"
  for src in ${sources% *}; do
    mkdir -p "$app/$(dirname "$( [ "$dest" = "./" ] && echo "$src" || echo "$dest/x")")"
    if [ "$dest" = "./" ]; then cp -r "$root/$src" "$app/$src"; else mkdir -p "$app/$dest"; cp -r "$root/$src/." "$app/$dest"; fi
  done
done
cp -r "$root/../shared" "$work/shared" 2>/dev/null || true

# The build stage's RUN.
(cd "$app" && npm ci --omit=dev --no-audit --no-fund >/dev/null)
test -d "$app/node_modules/better-sqlite3/build" || { echo "better-sqlite3 was not built"; exit 1; }
test ! -d "$app/node_modules/vitest" || { echo "dev dependencies leaked into the image"; exit 1; }

# A local Slack for the CMD to talk to (from the repository's own emulator, run with the dev tree).
port_file="$work/emu-port"
(cd "$root" && node --import tsx -e "
  const { startSlackEmulator } = await import('./src/emulator/slack-emulator.ts');
  const s = await startSlackEmulator();
  (await import('node:fs')).writeFileSync('$port_file', String(s.port));
  setInterval(() => {}, 1000);
") & emu=$!
for _ in $(seq 1 100); do [ -s "$port_file" ] && break; sleep 0.1; done
api="http://127.0.0.1:$(cat "$port_file")/api/"

# The runtime stage's ENV and CMD, then the HEALTHCHECK.
(cd "$app" && NODE_ENV=production SCRIBE_DATA_DIR="$work/data" PORT=39871 SLACK_API_URL="$api" \
  SLACK_BOT_TOKEN=xoxb-emulated-bot-token SLACK_APP_TOKEN=xapp-emulated-app-token node bin/scribe.js start >"$work/bot.log" 2>&1) & bot=$!
for _ in $(seq 1 100); do
  if node -e "fetch('http://127.0.0.1:39871/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    echo "dockerfile-check: the image's build and start steps work; /healthz answers"
    exit 0
  fi
  sleep 0.2
done
echo "dockerfile-check: /healthz never answered"; cat "$work/bot.log"; exit 1
