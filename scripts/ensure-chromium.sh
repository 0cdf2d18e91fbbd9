#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests. Playwright's own browser
# download cannot be used here, so we use the distribution's package and let
# Playwright drive it through `executable_path` (see tests/browser/conftest.py).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done
echo "Chromium not found; installing Debian's chromium package…" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
