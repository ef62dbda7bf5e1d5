#!/bin/sh
# Regenerate docs/example-report.html (the failing fixture as an HTML report) and
# docs/example-report.png (a headless-Chromium screenshot of it) for the README.
# Usage: tools/render_example_report.sh   (PYTHON and CHROMIUM may name the binaries)
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
    echo "no chromium found: install Debian's chromium (apt-get install chromium)" >&2
    exit 2
fi

# --today pins the date checks so the example does not change from day to day.
# The fixture has errors, so the linter exits 1; only 2 (unusable input, bad usage) is a failure.
status=0
"$PYTHON" -m smplan_lint --today 2026-11-27 --format html --output docs/example-report.html \
    fixtures/failing.smplan.yaml || status=$?
if [ "$status" -gt 1 ]; then
    exit "$status"
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$PWD/docs/example-report.png" "file://$PWD/docs/example-report.html" 2>/dev/null
echo "wrote docs/example-report.html and docs/example-report.png"
