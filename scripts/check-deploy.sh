#!/usr/bin/env bash
# Checks the deployment artifacts offline, with no cluster and no container engine:
#  - renders every kustomize overlay with `kubectl kustomize`, and checks that the overlay and its bases use only what
#    kustomize v2.0.3 (Debian's kubectl 1.20) understands, so they render there as with a current kubectl (v5);
#  - every Deployment and StatefulSet has startup/readiness/liveness probes, resource requests and limits, a non-root
#    security context, and no secret written inline (env literals, Secrets or ConfigMaps in the manifests);
#  - each service: probes on its HTTP/1 port (/health, /alive), ports named http and grpc, a Service, discovery env
#    that names that Service's gRPC port (a ClusterIP Service: the L7 proxy balances calls), an HPA for Predict and
#    Reporting, the models folder on a shared claim;
#  - each Dockerfile: ENTRYPOINT runs the project's assembly, EXPOSE/ENV ports and USER match the manifests, every
#    project it references is copied into the build;
#  - the Aspire manifest (generated from the AppHost in publish mode) declares the same services, env and connection
#    names, ports and images as the manifests.
# Rules: deploy/checks/check_deploy.py. Exit 0 when every rule holds; otherwise one FAIL line per broken rule.
#   scripts/check-deploy.sh                          # every overlay in deploy/k8s/overlays, deploy/docker, the checked-in Aspire manifest
#   scripts/check-deploy.sh --overlay DIR …          # only these kustomization folders
#   scripts/check-deploy.sh --dockerfiles DIR --aspire FILE|none
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

overlays=()
dockerfiles=$repo/deploy/docker
aspire=$repo/deploy/aspire/aspire-manifest.json
while (($#)); do
  case "$1" in
    --overlay) overlays+=("$2"); shift 2 ;;
    --dockerfiles) dockerfiles=$2; shift 2 ;;
    --aspire) aspire=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
((${#overlays[@]})) || overlays=("$repo"/deploy/k8s/overlays/*/)
[[ "$aspire" == none ]] && aspire=""

command -v kubectl >/dev/null || { echo "kubectl is missing: scripts/prerequisites.sh test installs it (kubernetes-client)" >&2; exit 2; }
# Debian's python3 with python3-yaml (a pyenv or venv python on PATH may lack yaml).
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" -c 'import yaml' 2>/dev/null || { echo "python3-yaml is missing: apt-get install python3-yaml" >&2; exit 2; }

"$python" "$repo/deploy/checks/check_deploy.py" --kustomize-v2 "${overlays[@]}"

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
pairs=()
for dir in "${overlays[@]}"; do
  label=$(basename "$dir")
  # kustomize v5 warns on stderr about the v2-compatible `bases:`; the warning is expected, an error is not.
  if ! kubectl kustomize "$dir" >"$rendered/$label.yaml" 2>"$rendered/$label.err"; then
    echo "FAIL $label: render: kubectl kustomize $dir failed:"
    grep -v '^# Warning' "$rendered/$label.err" || true
    exit 1
  fi
  pairs+=("$label=$rendered/$label.yaml")
done

"$python" "$repo/deploy/checks/check_deploy.py" "$repo" "$dockerfiles" "$aspire" "${pairs[@]}"
