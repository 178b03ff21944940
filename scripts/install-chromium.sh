#!/usr/bin/env bash
# Debian's Chromium for the browser tests (test/ui). Playwright's own browser download does not
# work on machines without general internet access, so the tests drive /usr/bin/chromium.
# Does nothing when it is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
	echo "chromium present: $("$CHROMIUM" --version 2> /dev/null || echo "$CHROMIUM")"
	exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null 2>&1; then
	echo "missing: $CHROMIUM (install Debian's chromium package, or run this as root on Debian)" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium > /dev/null
echo "chromium installed: $("$CHROMIUM" --version 2> /dev/null)"
