#!/usr/bin/env bash
# The GitOps tests build the repository with the real `kubectl kustomize`: Debian's
# kubernetes-client, never a downloaded binary. Installs it when missing.
set -euo pipefail
if command -v kubectl >/dev/null 2>&1; then
  kubectl version --client 2>/dev/null || true
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "kubectl is missing and there is no apt-get to install it." >&2
  echo "Install kubectl (Debian package kubernetes-client) so it is on PATH." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq kubernetes-client >/dev/null
kubectl version --client
