#!/usr/bin/env bash
# The npm package as a person gets it: `npm pack` (which builds dist/ through prepack), unpacked in a
# temporary folder with the repository's node_modules beside it, then run from another folder as
# `scribe` and `incident-scribe`: --version, --help, `rca lint` of a real RCA, and `remind --dry-run`
# over it (both commands are bundled by the build, and must find config/default.yml from there).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$work"
pkg="$work/package"
for file in LICENSE README.md CHANGELOG.md package.json dist/cli.js bin/scribe.js config/default.yml templates/rca.md; do
  test -f "$pkg/$file" || { echo "package-check: the package has no $file"; exit 1; }
done
test ! -d "$pkg/src" || { echo "package-check: the package holds src/"; exit 1; }
test ! -d "$pkg/test" || { echo "package-check: the package holds test/"; exit 1; }
ln -s "$root/node_modules" "$pkg/node_modules"
bins="$(node -p "Object.keys(require('$pkg/package.json').bin).sort().join(' ')")"
[ "$bins" = "incident-scribe scribe" ] || { echo "package-check: bins are '$bins'"; exit 1; }

elsewhere="$work/postmortems"
mkdir -p "$elsewhere/RCAs"
cat >"$elsewhere/RCAs/2025-04-07-cache.md" <<'RCA'
---
title: Cache invalidation bug
date: 2025-04-07
severity: P2
services: [checkout]
tags: [rca]
status: published
author: Ana
---
# Cache invalidation bug

## Action Items

| Priority | Action | Owner | Due |
|---|---|---|---|
| P1 | Alert on stale cache | SRE | 2025-04-14 |
RCA
cd "$elsewhere"
version="$(node "$pkg/bin/scribe.js" --version)"
[ "$version" = "$(node -p "require('$root/package.json').version")" ] || { echo "package-check: --version says $version"; exit 1; }
help="$(node "$pkg/bin/scribe.js" --help)"
[[ "$help" == *"rca lint"* ]] || { echo "package-check: --help lists no rca lint"; exit 1; }
lint="$(node "$pkg/bin/scribe.js" rca lint RCAs)" || { echo "package-check: rca lint failed:"; echo "$lint"; exit 1; }
remind="$(node "$pkg/bin/scribe.js" remind --dry-run --repo . --today 2025-04-14 2>&1)" || { echo "package-check: remind failed:"; echo "$remind"; exit 1; }
[[ "$remind" == *"Alert on stale cache"*"due 2025-04-14"* ]] || { echo "package-check: remind --dry-run names no reminder:"; echo "$remind"; exit 1; }
echo "package-check: $tarball installs and runs from another folder ($version)"
