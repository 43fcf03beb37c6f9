#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with fresh random values, in the overlay's namespace. Nothing
# secret is ever written to the repository. Existing Secrets are left alone (run with --rotate NAME to replace one;
# read docs/deploy.md "Rotating secrets" first: the pupil-key secret must never be replaced casually).
#   deploy/k8s/create-secrets.sh dev
#   UITSTROOM_STORE_CONNECTION='Host=db.example;Database=uitstroom;Username=uitstroom;Password=…;SSL Mode=VerifyFull' \
#     deploy/k8s/create-secrets.sh prod
#   deploy/k8s/create-secrets.sh prod --rotate uitstroom-cache
set -euo pipefail

overlay=${1:?usage: $0 dev|prod [--rotate SECRET]}
rotate=""
[[ "${2:-}" == "--rotate" ]] && rotate=${3:?name the Secret to rotate}
case "$overlay" in
  dev) namespace=uitstroom-dev ;;
  prod) namespace=uitstroom ;;
  *) echo "unknown overlay '$overlay': dev or prod" >&2; exit 2 ;;
esac

random() { head -c "${1:-32}" /dev/urandom | base64 -w0 | tr -d '/+='; }

exists() { kubectl -n "$namespace" get secret "$1" >/dev/null 2>&1; }

# put NAME key=value…: create (or, when rotating this one, replace) a generic Secret.
put() {
  local name=$1; shift
  if exists "$name" && [[ "$rotate" != "$name" ]]; then
    echo "kept     $name"
    return
  fi
  local args=()
  for kv in "$@"; do args+=(--from-literal="$kv"); done
  kubectl -n "$namespace" create secret generic "$name" "${args[@]}" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
  echo "written  $name"
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace" >/dev/null

if [[ "$overlay" == dev ]]; then
  # The in-cluster PostgreSQL (overlays/dev/store.yaml) and Ingest's connection string share one password.
  if exists uitstroom-postgres && [[ "$rotate" != uitstroom-postgres ]]; then
    echo "kept     uitstroom-postgres"
  else
    password=$(random 24)
    rotate=uitstroom-postgres put uitstroom-postgres "password=$password"
    rotate=uitstroom-store put uitstroom-store \
      "connection-string=Host=store;Database=uitstroom;Username=uitstroom;Password=$password"
  fi
else
  if ! exists uitstroom-store || [[ "$rotate" == uitstroom-store ]]; then
    : "${UITSTROOM_STORE_CONNECTION:?set UITSTROOM_STORE_CONNECTION to the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…)}"
  fi
  put uitstroom-store "connection-string=${UITSTROOM_STORE_CONNECTION:-}"
fi

put uitstroom-cache "password=$(random 24)"
# 32 random bytes: the HMAC key of every pupil identifier in the store.
put uitstroom-pupil-key "secret=$(head -c 32 /dev/urandom | base64 -w0)"
# API keys (docs/security.md): the keys file of hashes, mounted by every service, with a first admin key (printed
# once, on stderr, never stored) and the services' own admin key for background work. Board keys are added later
# with `uitstroom keys create` on a copy of keys.json (docs/deploy.md, rotating secrets).
if ! exists uitstroom-api-keys || [[ "$rotate" == uitstroom-api-keys ]]; then
  hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
  sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  admin_id=$(hex 6) admin_secret=$(hex 32) service_id=$(hex 6) service_secret=$(hex 32)
  keys="{\"keys\":[{\"id\":\"$admin_id\",\"hash\":\"$(sha "$admin_secret")\",\"role\":\"admin\",\"created\":\"$now\",\"note\":\"first admin (create-secrets.sh)\"},"
  keys+="{\"id\":\"$service_id\",\"hash\":\"$(sha "$service_secret")\",\"role\":\"admin\",\"created\":\"$now\",\"note\":\"service key\"}]}"
  put uitstroom-api-keys "keys.json=$keys" "service-key=uit_${service_id}_${service_secret}"
  echo "admin API key (shown once, keep it safe): uit_${admin_id}_${admin_secret}" >&2
else
  echo "kept     uitstroom-api-keys"
fi
echo "Restart what reads a rotated Secret: kubectl -n $namespace rollout restart deployment/<name>"
