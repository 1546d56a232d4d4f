#!/usr/bin/env bash
# Prepares this machine for the integration tests (see shared/design/TESTING.md):
#   - Debian packages: a C toolchain and libkrb5-dev for code-server's native modules,
#     chromium (driven by playwright-core) and ripgrep (seeds @vscode/ripgrep's download cache);
#   - code-server@4.100.3 (VS Code 1.100.3, the last release that runs on Node 20) from npm,
#     into .vscode-test/code-server/.
# Idempotent and fast when everything is already there. Runs as root (apt-get) or with sudo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CODE_SERVER_VERSION=4.100.3
RIPGREP_VERSION=1.15.11          # the @vscode/ripgrep that code-server 4.100.3 depends on
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
INSTALL_DIR=.vscode-test/code-server
BIN="$INSTALL_DIR/node_modules/.bin/code-server"
APT_PACKAGES=(build-essential pkg-config python3 libkrb5-dev chromium ripgrep)

log() { printf '[setup-host] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi
  log "apt-get install: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

# --- code-server -----------------------------------------------------------------------------
# Prints the installed version, if any. code-server writes a config file (and, on its first run,
# a log line to stdout) under HOME: point HOME and XDG_* at a scratch dir and keep the version line.
installed_version() {
  [[ -x $BIN ]] || return 0
  local home="$INSTALL_DIR/.version-home"
  mkdir -p "$home"
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    "$BIN" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true
}

if [[ $(installed_version) == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION present in $INSTALL_DIR"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into $INSTALL_DIR (about a minute)"
mkdir -p "$INSTALL_DIR"
# The installing package.json: approves the top-level install scripts for npm 11's allowScripts.
cat >"$INSTALL_DIR/package.json" <<'JSON'
{
  "name": "marathon-test-host",
  "private": true,
  "description": "code-server for Marathon's integration tests; made by scripts/setup-host.sh",
  "allowScripts": {
    "code-server": true,
    "argon2": true
  }
}
JSON

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the archive:
# seed that cache with Debian's rg, under a TMPDIR of our own that the npm install also uses.
tmp_root=$(realpath "$INSTALL_DIR")/.tmp
cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_VERSION"
mkdir -p "$cache"
if [[ ! -s $cache/$RIPGREP_ASSET ]]; then
  rg_dir=$(mktemp -d)
  cp "$(command -v rg)" "$rg_dir/rg"
  tar czf "$cache/$RIPGREP_ASSET" -C "$rg_dir" rg
  rm -rf "$rg_dir"
  log "seeded the ripgrep cache with $(command -v rg)"
fi

# unsafe_perm: code-server's postinstall refuses root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which `yes=false` in an npmrc would cancel.
TMPDIR="$tmp_root" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$INSTALL_DIR" --no-audit --no-fund --loglevel=warn \
  "code-server@$CODE_SERVER_VERSION"

got=$(installed_version)
if [[ $got != "$CODE_SERVER_VERSION" ]]; then
  log "code-server install failed: '$BIN --version' printed '${got:-nothing}'"
  exit 1
fi
log "code-server $got installed"
