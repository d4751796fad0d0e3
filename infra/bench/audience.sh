#!/usr/bin/env bash
# Imports 100,000 contacts from CSV on a throwaway PostgreSQL, as the app does (restricted role, row-level security
# on, binary COPY), then exports them to CSV and JSON, and prints the times. Usage: infra/bench/audience.sh [contacts]
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/lib/throwaway-postgres.sh
COOP_BENCH_POSTGRES="$COOP_PG_URL" dotnet run -c Release --project infra/bench/Coop.Bench -- audience "${1:-100000}"
