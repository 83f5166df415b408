#!/usr/bin/env bash
# The whole test suite: unit tests (*Test), then the packaged CLI, whole runs and the real PostgreSQL (*IT).
# Starts (or installs) the local PostgreSQL the integration tests use when it is not running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/services.sh --only postgres
mvn -B verify "$@"
