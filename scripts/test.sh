#!/usr/bin/env bash
# The whole test suite: unit tests (*Test), then the packaged CLI, whole runs and the real PostgreSQL,
# RabbitMQ and Redis (*IT). Starts (or installs) those local servers when they are not running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/services.sh
scripts/compose-check.sh   # docker-compose.yml must parse (no Docker engine needed)
mvn -B verify "$@"
