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
put uitstroom-api-keys "keys=$(random 32)"
echo "Restart what reads a rotated Secret: kubectl -n $namespace rollout restart deployment/<name>"
