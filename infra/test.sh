#!/usr/bin/env bash
# The whole test suite: installs what it needs when missing (PostgreSQL server, Chromium), starts a throwaway
# PostgreSQL cluster on loopback, runs every test project (SQLite and PostgreSQL integration, Chromium browser
# tests), then removes the cluster.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Isolation").
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/lib/ensure-prerequisites.sh
ensure_prerequisites
source infra/lib/throwaway-postgres.sh
export COOP_TEST_POSTGRES="$COOP_PG_URL"

rm -rf TestResults
dotnet test Coop.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
