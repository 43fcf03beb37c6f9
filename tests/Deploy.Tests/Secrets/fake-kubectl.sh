#!/usr/bin/env bash
# Stands in for kubectl when create-secrets.sh is tested without a cluster: nothing exists yet, every Secret the
# script creates is appended to $FAKE_KUBECTL_LOG as "name key=value" lines.
set -euo pipefail
args=("$@")
[[ "${args[0]}" == "-n" ]] && args=("${args[@]:2}")
case "${args[0]} ${args[1]:-}" in
  "get secret" | "get namespace") exit 1 ;;
  "create namespace") exit 0 ;;
  "create secret")
    name=${args[3]}
    for a in "${args[@]:4}"; do
      [[ "$a" == --from-literal=* ]] && echo "$name ${a#--from-literal=}" >>"$FAKE_KUBECTL_LOG"
    done
    exit 0 ;;
  "apply -f") cat >/dev/null; exit 0 ;;
  *) echo "fake kubectl: unexpected: $*" >&2; exit 2 ;;
esac
