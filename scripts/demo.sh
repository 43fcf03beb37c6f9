#!/usr/bin/env bash
# Loads the demo board into a running stack: simulates the fictional board of 31 schools (seed 1, always the same
# world), imports its schools, LVS results and doorstroomtoets results, and trains the forecast models.
# Re-running it is harmless: imports are idempotent, so a second run changes nothing.
# Usage: scripts/demo.sh [DATA_DIR]   (default ./data; the world goes to DATA_DIR/demo)
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-data}
world="$data/demo"
uitstroom() { dotnet Cli/bin/Release/net10.0/uitstroom.dll "$@"; }

if [[ ! -f "$world/scholen.csv" ]]; then
  uitstroom simulate --out "$world" --demo --seed 1 >/dev/null
fi

# truth/ holds the simulator's ground truth: it is for evaluation only and never imported.
shopt -s nullglob
uitstroom import "$world/scholen.csv" "$world"/lvs/*/*.csv "$world"/doorstroomtoets/*.csv \
  --report "$data/demo-import-rejected.csv" | grep -E '^[^ ].*: (committed|unchanged|refused)' || true

# A model version is trained once; later runs reuse the current one (`uitstroom models` marks it "current");
# forecasts answer FailedPrecondition until one exists.
if ! uitstroom models 2>/dev/null | grep -qw current; then
  uitstroom train | tail -3
fi

# The forecast of the whole board is computed once now (and cached in Redis), so the first page view is fast.
uitstroom forecast schools --board 90001 --format csv >/dev/null

# Monitoring over time: the past half-years recomputed from the data as of each moment with today's model
# (labelled "teruggerekend"), so the demo board shows how its outlook moved and a track record for the realised years.
uitstroom forecast snapshots --board 90001 --backfill | tail -1
