# Sourced by the quick-start scripts: puts a Yarn 4 on PATH and sets what native builds need.
# Nothing here names a registry: corepack is pointed at whatever registry npm is configured for.

if command -v npm >/dev/null 2>&1; then
  COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's:/$::')"
  export COREPACK_NPM_REGISTRY
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# better-sqlite3 compiles from source where its prebuilt binary cannot be downloaded; node-gyp
# needs the headers of the Node that runs it.
npm_config_nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
export npm_config_nodedir

# The repository pins Yarn in .yarn/releases; corepack only supplies the `yarn` launcher.
if ! command -v yarn >/dev/null 2>&1; then
  shim_dir="${TMPDIR:-/tmp}/fleet-portal-yarn-shim"
  mkdir -p "$shim_dir"
  corepack enable --install-directory "$shim_dir" >/dev/null
  export PATH="$shim_dir:$PATH"
fi

fleet_install() {
  if [ -d node_modules ] && [ node_modules/.yarn-state.yml -nt yarn.lock ]; then
    return 0
  fi
  yarn install --immutable
}
