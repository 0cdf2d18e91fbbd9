#!/usr/bin/env bash
# Reproduce the vendored third-party JavaScript from the npm registry.
# Versions are pinned here; each file is stored with its licence.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.11.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf axe-core-*.tgz)
mkdir -p tests/vendor
cp "$work/package/axe.min.js" tests/vendor/axe.min.js
cp "$work/package/LICENSE" tests/vendor/axe-core.LICENSE
echo "axe-core ${AXE_VERSION} (MPL-2.0), from the npm registry via scripts/vendor-js.sh" > tests/vendor/README
