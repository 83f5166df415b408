#!/usr/bin/env bash
# Make sure the loopback servers the test suite needs are up:
#   PostgreSQL 127.0.0.1:5432 (trust auth, database "test")
#   Redis      127.0.0.1:6379
#   RabbitMQ   127.0.0.1:5672 (guest/guest)
#
# For each selected service: if it already answers, nothing is done (and
# nothing is printed). If it is installed but stopped, it is started. If it is
# missing, it is installed from Debian's packages (needs root) and configured.
# Then the script waits (bounded) until every service it touched answers.
#
# Usage: scripts/services.sh [--only postgres,redis,rabbitmq] [--timeout SECONDS] [-v|--verbose]
#   --only      comma-separated subset (aliases: postgresql/pg, rabbit); default: all three
#   --timeout   seconds to wait for each service to answer (default: 60)
#   -v          also print a line for services that were already up
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

HOST=127.0.0.1
PG_PORT=5432
REDIS_PORT=6379
RABBIT_PORT=5672
TIMEOUT=60
VERBOSE=0
ONLY="postgres,redis,rabbitmq"

usage() { sed -n '2,15s/^# \{0,1\}//p' "$0"; }
die() { echo "services: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --only) [ $# -ge 2 ] || die "--only needs a value (postgres,redis,rabbitmq)"; ONLY="$2"; shift 2 ;;
    --only=*) ONLY="${1#--only=}"; shift ;;
    --timeout) [ $# -ge 2 ] || die "--timeout needs a value"; TIMEOUT="$2"; shift 2 ;;
    --timeout=*) TIMEOUT="${1#--timeout=}"; shift ;;
    -v|--verbose) VERBOSE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$TIMEOUT" =~ ^[0-9]+$ ]] || die "--timeout must be a whole number of seconds, got '$TIMEOUT'"

WANT_PG=0 WANT_REDIS=0 WANT_RABBIT=0
IFS=',' read -r -a _names <<<"$ONLY"
for n in "${_names[@]}"; do
  case "${n// /}" in
    postgres|postgresql|pg) WANT_PG=1 ;;
    redis) WANT_REDIS=1 ;;
    rabbitmq|rabbit) WANT_RABBIT=1 ;;
    "") ;;
    *) die "unknown service '$n' in --only (expected postgres, redis, rabbitmq)" ;;
  esac
done
[ $((WANT_PG + WANT_REDIS + WANT_RABBIT)) -gt 0 ] || die "--only selected no service"

# ---------------------------------------------------------------- probes
tcp_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PG_PORT" -t 1 >/dev/null 2>&1
  else
    tcp_open "$HOST" "$PG_PORT"
  fi
}
redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(timeout 2 redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    tcp_open "$HOST" "$REDIS_PORT"
  fi
}
# The AMQP listener opens only once the broker has booted, so a TCP probe is
# both accurate and much quicker than rabbitmq-diagnostics (an Erlang VM each).
rabbit_up() { tcp_open "$HOST" "$RABBIT_PORT"; }

# ---------------------------------------------------------------- install checks
pg_version() {
  # Highest configured cluster version (one on this machine kind).
  ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true
}
pg_installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && command -v pg_ctlcluster >/dev/null 2>&1; }
redis_installed() { command -v redis-server >/dev/null 2>&1; }
rabbit_installed() { command -v rabbitmq-server >/dev/null 2>&1; }

# ---------------------------------------------------------------- starters
pg_start() {
  local ver
  ver="$(pg_version)"
  if [ -z "$ver" ] || [ ! -d "/etc/postgresql/$ver/main" ]; then
    # Server binaries present but no cluster: create the default one.
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    pg_createcluster "$ver" main >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >/dev/null
}
redis_start() {
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
}
rabbit_start() {
  rabbitmq-server -detached >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- configuration
# Fresh PostgreSQL: trust for local socket and loopback TCP, then database "test".
pg_configure() {
  local ver hba
  ver="$(pg_version)"
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  [ -f "$hba" ] || die "postgresql: $hba not found"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" \
     || ! grep -Eq '^[[:space:]]*local[[:space:]]+all[[:space:]]+all[[:space:]]+trust' "$hba"; then
    # pg_hba.conf is first-match: put the trust lines before Debian's peer/scram ones.
    local tmp
    tmp="$(mktemp)"
    {
      echo "# added by scripts/services.sh: trust local and loopback connections (test machine)"
      echo "local   all   all                  trust"
      echo "host    all   all   127.0.0.1/32   trust"
      echo "host    all   all   ::1/128        trust"
      cat "$hba"
    } >"$tmp"
    cat "$tmp" >"$hba"
    rm -f "$tmp"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main reload >/dev/null
    sleep 1
  fi
  local has
  has="$(psql -w -U postgres -h "$HOST" -p "$PG_PORT" -tAc "select 1 from pg_database where datname='test'" 2>/dev/null || true)"
  if [ "$has" != "1" ]; then
    psql -w -U postgres -h "$HOST" -p "$PG_PORT" -qc "create database test" >/dev/null \
      || die "postgresql: could not create database 'test'"
  fi
}

# Fresh RabbitMQ: same loopback setup as the CI machines (a node name that always
# resolves, epmd and AMQP on 127.0.0.1 only). Files are only written if absent,
# so an existing installation's configuration is never changed.
rabbit_configure() {
  mkdir -p /etc/rabbitmq
  if [ ! -e /etc/rabbitmq/rabbitmq-env.conf ] || ! grep -Eq '^[[:space:]]*NODENAME=' /etc/rabbitmq/rabbitmq-env.conf; then
    cat >>/etc/rabbitmq/rabbitmq-env.conf <<'EOF'
NODENAME=rabbit@localhost
ERL_EPMD_ADDRESS=127.0.0.1
export ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  fi
  if [ ! -e /etc/rabbitmq/rabbitmq.conf ]; then
    echo "listeners.tcp.local = 127.0.0.1:$RABBIT_PORT" >/etc/rabbitmq/rabbitmq.conf
  fi
}

# ---------------------------------------------------------------- main
declare -a SEL=()
if [ "$WANT_PG" = 1 ]; then SEL+=(postgresql); fi
if [ "$WANT_REDIS" = 1 ]; then SEL+=(redis); fi
if [ "$WANT_RABBIT" = 1 ]; then SEL+=(rabbitmq); fi

is_up() {
  case "$1" in postgresql) pg_up ;; redis) redis_up ;; rabbitmq) rabbit_up ;; esac
}
port_of() {
  case "$1" in postgresql) echo "$PG_PORT" ;; redis) echo "$REDIS_PORT" ;; rabbitmq) echo "$RABBIT_PORT" ;; esac
}

declare -a DOWN=()
for s in "${SEL[@]}"; do
  if is_up "$s"; then
    if [ "$VERBOSE" = 1 ]; then echo "services: $s up ($HOST:$(port_of "$s")) (already running)"; fi
  else
    DOWN+=("$s")
  fi
done
if [ "${#DOWN[@]}" -eq 0 ]; then exit 0; fi

# Install whatever is missing, with one apt-get update.
declare -a PKGS=()
declare -A INSTALLED_NOW=()
for s in "${DOWN[@]}"; do
  case "$s" in
    postgresql) pg_installed || { PKGS+=(postgresql); INSTALLED_NOW[postgresql]=1; } ;;
    redis) redis_installed || { PKGS+=(redis-server); INSTALLED_NOW[redis]=1; } ;;
    rabbitmq) rabbit_installed || { PKGS+=(rabbitmq-server); INSTALLED_NOW[rabbitmq]=1; } ;;
  esac
done
if [ "${#PKGS[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "need root to install ${PKGS[*]}"
  echo "services: installing ${PKGS[*]}"
  apt-get update -qq || echo "services: warning: apt-get update failed; trying the install with the package lists at hand" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${PKGS[@]}" >/dev/null \
    || die "apt-get install ${PKGS[*]} failed"
fi
if [ -n "${INSTALLED_NOW[rabbitmq]:-}" ]; then rabbit_configure; fi

# Start everything that is down first (they boot in parallel), then wait.
for s in "${DOWN[@]}"; do
  # A package's postinst may have started it already.
  if is_up "$s"; then continue; fi
  echo "services: starting $s"
  case "$s" in
    postgresql) pg_start || die "postgresql: pg_ctlcluster start failed" ;;
    redis) redis_start || die "redis: redis-server failed to start (see /var/log/redis/ci.log)" ;;
    rabbitmq) rabbit_start ;;
  esac
done

wait_up() {
  local s="$1" i=0
  until is_up "$s"; do
    i=$((i + 1))
    if [ "$i" -ge "$TIMEOUT" ]; then
      local hint=""
      case "$s" in
        postgresql) hint="see /var/log/postgresql/" ;;
        redis) hint="see /var/log/redis/ci.log" ;;
        rabbitmq) hint="see /var/log/rabbitmq/" ;;
      esac
      die "$s did not come up on $HOST:$(port_of "$s") within ${TIMEOUT}s ($hint)"
    fi
    sleep 1
  done
}

for s in "${DOWN[@]}"; do
  wait_up "$s"
  if [ "$s" = postgresql ]; then
    # Always make sure of trust auth + database "test" after a start/install.
    pg_configure
  fi
  echo "services: $s up ($HOST:$(port_of "$s"))"
done
