#!/usr/bin/env bash
# Every benchmark in one command, each printing its figures next to its floor or peer.
#   pnpm bench            the sizes the issues ask for (about 65 minutes on 2 cores)
#   pnpm bench --quick    small sizes, to see that they all run (a few minutes)
# Needs PostgreSQL at 127.0.0.1:5432 and, for the browser ones, the built dashboard and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[ "${1:-}" = "--quick" ] && quick=true
run() {
  echo
  echo "=== $* ==="
  npx tsx "$@"
}
bash scripts/ensure-system-packages.sh
pnpm turbo run build --filter=@lagesbild/dashboard >/dev/null
if $quick; then
  run bench/forecast-backtest.ts
  run bench/import-throughput.ts --rows 50000
  run bench/release-incremental.ts --quick
  run bench/import-file-limits.ts --scale 0.1
  run bench/read-latency.ts --sizes 300000 --runs 10 --raw-runs 3
  run bench/sse-fanout.ts --subscribers 100 --rounds 5
  run bench/sse-soak.ts --minutes 1 --subscribers 100
  run bench/dashboard-first-render.ts --scales 300000 --runs 3
  run bench/wall-memory.ts --minutes 1
  run bench/health-under-load.ts --rounds 1
else
  run bench/forecast-backtest.ts
  run bench/import-throughput.ts
  run bench/release-incremental.ts
  run bench/import-file-limits.ts
  run bench/read-latency.ts
  # 10 000 streams: the bare server holds one descriptor each, each Lägesbild server half of them.
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 12000 ] || echo "ulimit -n is $(ulimit -n): 10 000 subscribers need about 11 000; raise the hard limit"
  run bench/sse-fanout.ts --subscribers 1000,10000
  run bench/sse-soak.ts
  run bench/dashboard-first-render.ts
  run bench/wall-memory.ts
  run bench/health-under-load.ts
fi
