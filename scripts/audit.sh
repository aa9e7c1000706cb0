#!/usr/bin/env bash
# Known vulnerabilities of high or critical severity in the dependencies fail the run.
# Where the registry's audit endpoint cannot be reached (some mirrors and closed networks
# answer 405), say so plainly instead of failing: the check did not run, it did not pass.
set -uo pipefail
out=$(pnpm audit --audit-level high 2>&1)
rc=$?
if [ $rc -eq 0 ]; then
  echo "pnpm audit: inga kända sårbarheter av hög eller kritisk nivå."
  exit 0
fi
if grep -q 'ERR_PNPM_AUDIT_BAD_RESPONSE\|ENOTFOUND\|ECONNREFUSED\|ETIMEDOUT' <<<"$out"; then
  echo "VARNING: pnpm audit kunde inte nå registrets granskningstjänst; beroendena är INTE granskade i denna körning."
  echo "$out" | head -3
  exit 0
fi
echo "$out"
exit $rc
