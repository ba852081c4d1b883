#!/usr/bin/env bash
# Quick start, second command: install everything, then run every test there is —
# type-check, lint, the unit and integration tests of every package, the fleet smoke
# benchmark and the browser tests in Debian's Chromium. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CI=true

started=$SECONDS
step_started=$SECONDS
step() {
  if [ -n "${step_name:-}" ]; then printf -- '--- %s: %s s\n' "$step_name" "$((SECONDS - step_started))"; fi
  step_name="$*"
  step_started=$SECONDS
  printf '\n=== %s\n' "$*"
}

step "install"
fleet_install

step "chromium (Debian package, for the browser tests)"
bash scripts/ensure-chromium.sh

step "kubectl (Debian package, for the kustomize builds of the GitOps tests)"
bash scripts/ensure-kubectl.sh

step "type-check"
yarn tsc

step "lint"
yarn backstage-cli repo lint
yarn prettier:check

step "unit and integration tests"
mkdir -p e2e-artifacts
yarn backstage-cli repo test --json --outputFile="$PWD/e2e-artifacts/jest-results.json"

step "production bundle (yarn build:backend, unpacked and started against PostgreSQL and Redis)"
node scripts/test-production-bundle.mjs

step "published packages (packed, installed into a fresh app and backend outside the repository)"
node scripts/test-installed-packages.mjs

step "benchmark smoke run (a few clusters; the full run is yarn bench)"
yarn bench --smoke

step "browser tests"
yarn playwright test

step "summary"
node scripts/summarize-tests.mjs e2e-artifacts/jest-results.json e2e-artifacts/results.json
echo "total time: $((SECONDS - started)) s"
