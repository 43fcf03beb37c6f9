#!/usr/bin/env bash
# Runs the whole Uitstroom stack on this machine: Redis, the SQLite store, the four services and the Aspire
# dashboard. Installs what is missing (as root), builds, starts, prints the addresses, and stops everything
# cleanly on Ctrl-C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh run

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
started=$(date +%s)
echo "Building …"
dotnet build AppHost/AppHost.csproj -c Release -nologo -v q -clp:ErrorsOnly -tl:off >/dev/null
dotnet build Cli/Cli.csproj -c Release -nologo -v q -clp:ErrorsOnly -tl:off >/dev/null

# API keys (docs/security.md). Every service refuses calls without one. Made once, kept in data/auth (0600):
#  - keys.json: the hashes the services check (re-read when it changes; `uitstroom keys` manages it);
#  - cli.key: a local admin key the CLI reads by default — acceptable only here, on your own machine, readable by you
#    alone, for a stack on loopback; a deployment never has such a file (docs/security.md);
#  - demo-90001.key: the demo board's key, to log in to its report as that board would.
uitstroom() { dotnet Cli/bin/Release/net10.0/uitstroom.dll "$@"; }
if [[ ! -s data/auth/keys.json || ! -s data/auth/cli.key || ! -s data/auth/demo-90001.key ]]; then
  rm -f data/auth/keys.json data/auth/cli.key data/auth/demo-90001.key
  uitstroom keys create --admin --note "local CLI (run.sh)" --keys-file data/auth/keys.json --out data/auth/cli.key 2>/dev/null
  uitstroom keys create --board 90001 --note "demo board (run.sh)" --keys-file data/auth/keys.json --out data/auth/demo-90001.key 2>/dev/null
fi

mkdir -p .run
log=.run/apphost.log
echo "Starting the stack (log: $log) …"
# No developer certificate here: everything is plain http on loopback.
ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
ASPNETCORE_URLS=http://localhost:18888 \
ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 \
ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
DOTNET_ENVIRONMENT=Development \
  dotnet AppHost/bin/Release/net10.0/AppHost.dll >"$log" 2>&1 &
apphost=$!

stop() {
  trap - INT TERM EXIT
  if kill -0 "$apphost" 2>/dev/null; then
    echo "Stopping …"
    kill -TERM "$apphost" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$apphost" 2>/dev/null || break; sleep 1; done
    kill -KILL "$apphost" 2>/dev/null || true
  fi
}
trap stop INT TERM EXIT

# Healthy = every service's /health answers (each service is only started by the AppHost once what it
# waits for is healthy, so Reporting healthy means the whole chain is).
for port in 5120 5110 5130 5140; do
  until curl -fsS "http://localhost:$port/health" >/dev/null 2>&1; do
    if ! kill -0 "$apphost" 2>/dev/null; then
      echo "The AppHost stopped; its log:" >&2
      tail -40 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

healthy=$(($(date +%s) - started))

# The demo board (fictional, 31 schools): simulated once, imported (idempotent), models trained.
echo "Loading the demo board …"
scripts/demo.sh data

echo
echo "Uitstroom is running (${healthy} s from start to healthy, $(($(date +%s) - started)) s with the demo board loaded)."
echo "  Dashboard            http://localhost:18888"
echo "  Board report (demo)  http://localhost:5140/besturen/90001"
echo "    log in with the demo board's key: $(cat data/auth/demo-90001.key)"
echo "    (the login page: http://localhost:5140/inloggen; the CLI uses the admin key in data/auth/cli.key)"
echo "  gRPC: ingest localhost:5111, normalise :5121, predict :5131, reporting :5141"
echo "  CLI                  dotnet Cli/bin/Release/net10.0/uitstroom.dll --help"
echo "Press Ctrl-C to stop."
wait "$apphost"
