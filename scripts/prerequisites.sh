#!/usr/bin/env bash
# Installs the Debian packages Uitstroom needs beside the .NET SDK, when they are missing.
#   scripts/prerequisites.sh run    # what ./run.sh needs: redis-server
#   scripts/prerequisites.sh test   # what ./test.sh needs: redis-server, postgresql, chromium, libgomp1, node, npm, curl, kubectl, python3-yaml
# As root it installs them with apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

want=(redis-server)
probe=(redis-server)
if [[ "${1:-run}" == "test" ]]; then
  # npm and curl: the outside-client test runs a Node.js gRPC client (npm ci) and curl against JSON transcoding.
  want+=(postgresql libgomp1 chromium nodejs npm curl)
  probe+=(pg_ctlcluster "" chromium node npm curl)
fi
# The deployment checks (scripts/check-deploy.sh): kubectl with its built-in kustomize (Debian's 1.20 is enough;
# an existing kubectl is used as it is) and Debian's python3-yaml.
if [[ "${1:-run}" == "test" ]]; then
  want+=(kubernetes-client python3-yaml)
  probe+=(kubectl "")
fi

missing=()
for i in "${!want[@]}"; do
  pkg=${want[$i]} cmd=${probe[$i]:-}
  if [[ -n "$cmd" ]]; then
    command -v "$cmd" >/dev/null 2>&1 || [[ -x "/usr/sbin/$cmd" ]] || missing+=("$pkg")
  else
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Uitstroom needs the .NET 10 SDK (dotnet) on PATH: see https://dot.net" >&2
  exit 1
fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "Missing: ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
