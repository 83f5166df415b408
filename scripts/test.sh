#!/usr/bin/env bash
# The whole test suite: unit tests (*Test), then the packaged CLI, whole runs and the real PostgreSQL,
# RabbitMQ and Redis (*IT), and the review page in headless chromium. Starts (or installs) those local servers,
# and installs chromium, when they are missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/services.sh
scripts/browser.sh         # Debian's chromium + chromedriver for ReviewPageIT
scripts/compose-check.sh   # docker-compose.yml must parse (no Docker engine needed)
scripts/docker-build-check-test.sh   # the Dockerfile replay below refuses what docker build would (seconds)
mvn -B verify "$@"
# after the suite: the replay runs Maven offline, so it needs what the build above put in ~/.m2 (a new machine has none)
scripts/docker-build-check.sh        # the Dockerfile builds and starts, replayed without a Docker engine
