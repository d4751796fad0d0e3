#!/usr/bin/env bash
# Tallies 100,000 ballots over 4 weighted colleges on a throwaway PostgreSQL, as the app does (restricted role,
# row-level security on), and prints the times. Usage: infra/bench/tally.sh [ballots]
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/lib/throwaway-postgres.sh
COOP_BENCH_POSTGRES="$COOP_PG_URL" dotnet run -c Release --project infra/bench/Coop.Bench -- tally "${1:-100000}"
