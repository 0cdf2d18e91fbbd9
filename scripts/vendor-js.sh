#!/usr/bin/env bash
# Reproduce the vendored third-party JavaScript from the npm registry.
# Versions are pinned here; each file is stored with its licence.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.11.0
FFLATE_VERSION=0.8.2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf axe-core-*.tgz)
mkdir -p tests/vendor
cp "$work/package/axe.min.js" tests/vendor/axe.min.js
cp "$work/package/LICENSE" tests/vendor/axe-core.LICENSE
echo "axe-core ${AXE_VERSION} (MPL-2.0), from the npm registry via scripts/vendor-js.sh" > tests/vendor/README

# fflate: zips the .docx export in the browser (selectie page only).
(cd "$work" && rm -rf package && npm pack --silent "fflate@${FFLATE_VERSION}" >/dev/null && tar xzf fflate-*.tgz)
mkdir -p site_templates/assets/js/vendor
cp "$work/package/esm/browser.js" site_templates/assets/js/vendor/fflate.js
cp "$work/package/LICENSE" site_templates/assets/js/vendor/fflate.LICENSE
echo "fflate ${FFLATE_VERSION} (MIT), from the npm registry via scripts/vendor-js.sh" > site_templates/assets/js/vendor/README
