#!/usr/bin/env bash
# The deployment topology without Kubernetes: PostgreSQL, Redis and the four services as separate processes, with
# two Predict replicas sharing one models folder, each started with the env the dev overlay's manifests declare
# (deploy/local/topology_env.py translates cluster names to loopback ports). Waits until everything is healthy,
# prints its admin key ("admin-key uit_…") and one "ready" line per process, then runs until SIGTERM/SIGINT and stops everything it started.
#   deploy/local/run-topology.sh [--offset N] [--configuration Release|Debug] [--dir DIR]
# Ports are the manifests' ports plus the offset (default 20000: Ingest 25110/25111, Predict 25130/25131 and
# 25230/25231, Reporting 25140/25141, Redis 26379, PostgreSQL 25432), so a running ./run.sh never clashes.
# Needs the services built (dotnet build <Service> -c Release), redis-server, PostgreSQL, kubectl, python3-yaml.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)

offset=20000
configuration=Release
dir=""
while (($#)); do
  case "$1" in
    --offset) offset=$2; shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
own_dir=false
if [[ -z "$dir" ]]; then dir=$(mktemp -d /tmp/uitstroom-topology.XXXXXX); own_dir=true; fi
mkdir -p "$dir/logs"
python=/usr/bin/python3
[[ -x $python ]] || python=python3

pids=()
pgdir=""
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [[ -n "$pgdir" ]] && "$repo/scripts/postgres.sh" stop "$pgdir" || true
  if $own_dir; then rm -rf "$dir"; fi
}
trap stop_all EXIT
trap 'exit 143' INT TERM

port() { echo $(($1 + offset)); }
ports=$(cat <<JSON
{"ingest": [$(port 5110), $(port 5111)], "normalise": [$(port 5120), $(port 5121)],
 "predict": [[$(port 5130), $(port 5131)], [$(port 5230), $(port 5231)]],
 "reporting": [$(port 5140), $(port 5141)], "cache": $(port 6379)}
JSON
)

kubectl kustomize "$repo/deploy/k8s/overlays/dev" >"$dir/dev.yaml" 2>"$dir/logs/kustomize.log"

# The store: a private PostgreSQL cluster, as the tests use (scripts/postgres.sh).
pgdir=$(mktemp -d /tmp/uitstroom-topology-pg.XXXXXX)
chmod 755 "$pgdir"
store=$("$repo/scripts/postgres.sh" start "$pgdir" "$(port 5432)")
echo "store $store"

# The cache: Redis with a password, persisting nothing, as the cache Deployment runs it.
cache_password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")
redis-server --port "$(port 6379)" --bind 127.0.0.1 --requirepass "$cache_password" --save "" --appendonly no \
  >"$dir/logs/cache.log" 2>&1 &
pids+=($!)
until redis-cli -p "$(port 6379)" --no-auth-warning -a "$cache_password" ping 2>/dev/null | grep -q PONG; do
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "redis-server stopped:" >&2; cat "$dir/logs/cache.log" >&2; exit 1; }
  sleep 0.2
done

# API keys as create-secrets.sh makes them: the keys file (the uitstroom-api-keys Secret's keys.json, which the
# manifests mount at /etc/uitstroom/auth) with an admin key for whoever drives this topology and the service key.
hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
admin_id=$(hex 6) admin_secret=$(hex 32) service_id=$(hex 6) service_secret=$(hex 32)
mkdir -p "$dir/volumes/api-keys"
cat >"$dir/volumes/api-keys/keys.json" <<JSON
{"keys": [{"id": "$admin_id", "hash": "$(sha "$admin_secret")", "role": "admin", "created": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"},
          {"id": "$service_id", "hash": "$(sha "$service_secret")", "role": "admin", "created": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"}]}
JSON
chmod 600 "$dir/volumes/api-keys/keys.json"
echo "admin-key uit_${admin_id}_${admin_secret}"

# The Secrets the manifests reference, with local values (random, never written outside $dir).
secrets=$(cat <<JSON
{"uitstroom-store/connection-string": "$store", "uitstroom-cache/password": "$cache_password",
 "uitstroom-pupil-key/secret": "$(head -c 32 /dev/urandom | base64 -w0)",
 "uitstroom-api-keys/service-key": "uit_${service_id}_${service_secret}"}
JSON
)

started=$(date +%s)
# start SERVICE PROJECT [REPLICA]: the service's DLL, from its own folder like the image's WORKDIR, with exactly the
# manifest's env (env -i: nothing leaks in from this shell but PATH and HOME).
start() {
  local service=$1 project=$2 replica=${3:-0}
  local bin="$repo/$project/bin/$configuration/net10.0"
  [[ -f "$bin/Uitstroom.$project.dll" ]] || { echo "$bin/Uitstroom.$project.dll is missing: dotnet build $project -c $configuration" >&2; exit 1; }
  local vars
  mapfile -t vars < <("$python" "$repo/deploy/local/topology_env.py" "$dir/dev.yaml" "$service" "$ports" "$secrets" "$dir" "$replica")
  for v in "${vars[@]}"; do
    case "$v" in Predict__ModelsPath=*|Normalise__TablesPath=*) mkdir -p "${v#*=}" ;; esac
  done
  (cd "$bin" && exec env -i PATH="$PATH" HOME="${HOME:-/tmp}" "${vars[@]}" dotnet "Uitstroom.$project.dll") \
    >"$dir/logs/$service-$replica.log" 2>&1 &
  pids+=($!)
  local pid=$! http grpc
  read -r http grpc < <("$python" -c "import json,sys; p=json.loads(sys.argv[1])['$service']; p=p[$replica] if isinstance(p[0],list) else p; print(*p)" "$ports")
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$http/health" >/dev/null 2>&1 && {
      echo "ready $service replica=$replica http=http://127.0.0.1:$http grpc=http://127.0.0.1:$grpc pid=$pid"
      return
    }
    kill -0 "$pid" 2>/dev/null || { echo "$service stopped; its log:" >&2; tail -30 "$dir/logs/$service-$replica.log" >&2; exit 1; }
    sleep 0.25
  done
  echo "$service did not become healthy in 150 s; its log:" >&2
  tail -30 "$dir/logs/$service-$replica.log" >&2
  exit 1
}

# In dependency order, as the AppHost and the probes order them.
start normalise Normalise
start ingest Ingest
start predict Predict 0
start predict Predict 1
start reporting Reporting
echo "topology ready in $(($(date +%s) - started)) s (logs: $dir/logs)"

sleep infinity &
pids+=($!)
wait $!
