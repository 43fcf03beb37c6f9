#!/usr/bin/env bash
# Runs the whole test suite and ends with the line "N passed, N failed, N skipped".
# Installs what the tests need (as root), starts a private PostgreSQL for the repository tests, and cleans up.
set -uo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh test || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The tests find ../shared/data themselves (tests/Shared/SharedData.cs walks up from the checkout); an explicit
# UITSTROOM_SHARED_DATA is passed through untouched.

pgdir=$(mktemp -d /tmp/uitstroom-pg.XXXXXX)
chmod 755 "$pgdir"
if UITSTROOM_TEST_POSTGRES=$(scripts/postgres.sh start "$pgdir" 55432); then
  export UITSTROOM_TEST_POSTGRES
else
  echo "warning: PostgreSQL did not start; the PostgreSQL runs of the repository tests will fail" >&2
fi
trap 'scripts/postgres.sh stop "$pgdir"' EXIT

dotnet build Uitstroom.Aspire.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "── $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" 2>&1 | grep -vE '^\s*$' \
    | awk '/Error Message|Stack Trace/ { print; more = 4; next } more > 0 { print; more--; next }
           /Passed |Failed |Skipped |error|Total tests|Passed!|Failed!/ { print }'
  # Read right after the pipeline: with pipefail, an "|| true" here would replace these statuses with its own.
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done

# Sum the outcomes over every project's TRX file: the closing line CI reads.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
# Counted per result rather than from <Counters>, whose notExecuted stays 0 for xunit's skipped tests.
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for r in (e for e in ET.parse(trx).getroot().iter() if e.tag.endswith("}UnitTestResult")):
        o = r.get("outcome", "")
        if o == "Passed": p += 1
        elif o in ("NotExecuted", "Inconclusive", "Pending"): s += 1
        else: f += 1
print(p, f, s)
PY
)
rm -rf "$results"
[[ $status -ne 0 && $failed -eq 0 ]] && failed=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
