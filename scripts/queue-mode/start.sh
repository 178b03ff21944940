#!/usr/bin/env bash
# Builds the package and runs n8n 2.41.1 in queue mode on loopback until Ctrl-C: PostgreSQL
# (127.0.0.1:5733) and Redis (5734), installed with apt-get when missing, then the main process
# (5731), two webhook processes (5735, 5736) and two workers. See docs/queue-mode.md.
set -euo pipefail

cd "$(dirname "$0")/../.."
npm run build
exec node scripts/queue-mode/run.js
