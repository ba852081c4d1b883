# Sourced by the quick-start scripts: puts Yarn on PATH and sets what native builds need.
# Nothing here names a registry: Yarn and corepack use whatever registry npm is configured for.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if command -v npm >/dev/null 2>&1; then
  registry="$(npm config get registry 2>/dev/null | sed 's:/$::')"
  if [ -n "$registry" ]; then
    export COREPACK_NPM_REGISTRY="$registry"
    export YARN_NPM_REGISTRY_SERVER="$registry"
  fi
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# better-sqlite3 compiles from source where its prebuilt binary cannot be downloaded; node-gyp
# needs the headers of the Node that runs it.
npm_config_nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
export npm_config_nodedir

# The repository pins Yarn in .yarn/releases: a two-line launcher is all that is needed, so
# neither a global Yarn nor corepack is required.
if ! command -v yarn >/dev/null 2>&1 || ! yarn --version 2>/dev/null | grep -q '^4\.'; then
  shim_dir="$repo_root/.yarn/bin-shim"
  mkdir -p "$shim_dir"
  yarn_release="$(ls "$repo_root"/.yarn/releases/yarn-*.cjs | head -n 1)"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_release" > "$shim_dir/yarn"
  chmod +x "$shim_dir/yarn"
  export PATH="$shim_dir:$PATH"
fi

fleet_install() {
  (cd "$repo_root" && yarn install --immutable)
}
