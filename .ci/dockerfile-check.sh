#!/usr/bin/env bash
# No Docker engine runs on these machines, so this plays the Dockerfile's own steps in a temporary
# directory: each stage's COPY lines (`--from=build` copies out of the build stage's folder) and RUN npm
# lines, in order, then starts the CMD (`node bin/scribe.js start`) in the runtime folder with the runtime
# ENV, against the local Slack emulator, and asks the HEALTHCHECK's question of /healthz. It fails if the
# image would not build or start.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
bot=""; emu=""
# `exec` in each background subshell below makes $! the node process itself, so this stops it: without
# it the kill reached only the subshell, and the bot went on running (and holding its port) after CI.
trap 'kill $bot $emu 2>/dev/null || true; wait $bot $emu 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/build" "$work/app" "$work/data"

# copy <from-dir> <sources...> <dest>, as COPY does: a folder's contents into dest, a file into dest/.
copy() {
  local from="$1" stage="$2"; shift 2
  local args=("$@") dest="${args[-1]}"
  for src in "${args[@]:0:${#args[@]}-1}"; do
    src="${src#/app/}"
    if [ -d "$from/$src" ]; then mkdir -p "$stage/$dest"; cp -r "$from/$src/." "$stage/$dest"
    else mkdir -p "$stage/$dest"; cp "$from/$src" "$stage/$dest"; fi
  done
}
stage=""
while IFS= read -r line; do
  case "$line" in
    FROM*" AS build"*) stage="$work/build" ;;
    FROM*) stage="$work/app" ;;
    "COPY --from=build "*) read -r -a parts <<<"${line#COPY --from=build }"; copy "$work/build" "$stage" "${parts[@]}" ;;
    "COPY "*) read -r -a parts <<<"${line#COPY }"; copy "$root" "$stage" "${parts[@]}" ;;
    "RUN npm "*) (cd "$stage" && eval "${line#RUN }" >"$work/run.log" 2>&1) || { echo "dockerfile-check: $line failed:"; cat "$work/run.log"; exit 1; } ;;
  esac
done <"$root/Dockerfile"
app="$work/app"
test -d "$app/node_modules/better-sqlite3/build" || { echo "better-sqlite3 was not built"; exit 1; }
test ! -d "$app/node_modules/vitest" || { echo "dev dependencies leaked into the image"; exit 1; }
test -f "$app/dist/cli.js" || { echo "the image has no compiled dist/"; exit 1; }
test ! -d "$app/src" || { echo "the image holds the TypeScript sources"; exit 1; }

# A local Slack for the CMD to talk to (from the repository's own emulator, run with the dev tree).
port_file="$work/emu-port"
(cd "$root" && exec node --import tsx -e "
  const { startSlackEmulator } = await import('./src/emulator/slack-emulator.ts');
  const s = await startSlackEmulator();
  (await import('node:fs')).writeFileSync('$port_file', String(s.port));
  setInterval(() => {}, 1000);
") & emu=$!
for _ in $(seq 1 100); do [ -s "$port_file" ] && break; sleep 0.1; done
api="http://127.0.0.1:$(cat "$port_file")/api/"

# The runtime stage's ENV and CMD, then the HEALTHCHECK: on a port nothing answers yet, so it is this bot's.
if node -e "fetch('http://127.0.0.1:39871/healthz').then(()=>process.exit(0),()=>process.exit(1))"; then
  echo "dockerfile-check: something already answers on 127.0.0.1:39871 (a bot left from an earlier run?); stop it first"; exit 1
fi
(cd "$app" && NODE_ENV=production SCRIBE_DATA_DIR="$work/data" PORT=39871 SLACK_API_URL="$api" \
  SLACK_BOT_TOKEN=xoxb-emulated-bot-token SLACK_APP_TOKEN=xapp-emulated-app-token exec node bin/scribe.js start >"$work/bot.log" 2>&1) & bot=$!
for _ in $(seq 1 100); do
  if node -e "fetch('http://127.0.0.1:39871/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    echo "dockerfile-check: the image's build and start steps work; /healthz answers"
    exit 0
  fi
  sleep 0.2
done
echo "dockerfile-check: /healthz never answered"; cat "$work/bot.log"; exit 1
