#!/usr/bin/env bash
# Make sure Debian's chromium and its chromedriver are installed, for the review page's end-to-end test
# (src/test/java/io/feedimport/cli/ReviewPageIT.java). Does nothing when both are there; otherwise installs them
# with apt-get (needs root), updating the package lists once if the first attempt cannot find them.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "browser: chromium and chromium-driver are missing; install them as root:" \
  "apt-get install chromium chromium-driver" >&2; exit 1; }
echo "browser: installing chromium and chromium-driver from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q chromium chromium-driver >/dev/null; then
  apt-get update -q >/dev/null
  apt-get install -y -q chromium chromium-driver >/dev/null
fi
/usr/bin/chromium --version >&2
