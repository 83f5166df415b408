#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (`config` only parses and resolves the file).
#   scripts/compose-check.sh [-f FILE]      default FILE: docker-compose.yml in the repository root
# Uses `docker compose` (v2 plugin) when present, else `docker-compose` (v1); when neither is there it installs
# Debian's docker-compose package (root only). Prints one line on success; exits non-zero with the errors otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "compose-check: $*" >&2; exit 1; }

file="docker-compose.yml"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -f|--file) [[ $# -ge 2 ]] || die "$1 needs a file"; file="$2"; shift 2 ;;
    -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (usage: scripts/compose-check.sh [-f FILE])" ;;
  esac
done
[[ -f "$file" ]] || die "$file: no such file"

compose=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  [[ "$(id -u)" -eq 0 ]] || die "neither 'docker compose' nor 'docker-compose' is installed; install one" \
    "(e.g. sudo apt-get install docker-compose) or rerun as root to have this script install it"
  echo "compose-check: installing Debian's docker-compose package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # --no-install-recommends: only the compose tool, not docker.io/containerd (Recommends) which `config` never needs
  install=(apt-get install -y -q --no-install-recommends docker-compose)
  { "${install[@]}" || { apt-get update -q && "${install[@]}"; }; } >&2 \
    || die "apt-get install docker-compose failed"
  command -v docker-compose >/dev/null 2>&1 || die "docker-compose still not found after installing it"
  compose=(docker-compose)
fi

version="$("${compose[@]}" version --short 2>/dev/null || true)"
tool="${compose[*]}${version:+ $version}"

# --project-directory keeps relative paths (build: ., ./jobs) resolving against the repository root even when
# FILE lives elsewhere (such as a temporary copy).
if ! errors="$("${compose[@]}" --project-directory . -f "$file" config -q 2>&1)"; then
  echo "$errors" >&2
  die "$file is NOT valid ($tool)"
fi
echo "compose-check: $file is valid ($tool)"
