#!/usr/bin/env bash
# Quick start: install, then run the portal (frontend http://localhost:3000, backend :7007)
# with the simulated demo fleet.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
fleet_install
exec yarn start
