#!/usr/bin/env bash
# Specification of scripts/docker-build-check.sh, on small Dockerfiles in throw-away contexts (seconds, no Maven):
# it replays only what the COPY lines name, honours .dockerignore, and refuses a missing artefact, a root user,
# an ENTRYPOINT that does not start and a container that writes a log file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
check="$PWD/scripts/docker-build-check.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/docker-build-check-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failures=0
cases=0

# given a context holding a.txt, b.txt and conf/{app.yml,secret.key}, and the Dockerfile on stdin
context() {
  local dir="$work/case$cases"
  mkdir -p "$dir/conf"
  echo a >"$dir/a.txt"; echo b >"$dir/b.txt"; echo app >"$dir/conf/app.yml"; echo key >"$dir/conf/secret.key"
  cat >"$dir/Dockerfile"
  echo "$dir"
}
# then the check passes, or fails saying EXPECTED
expect() {
  local name="$1" want="$2" expected="${3:-}" dir="$4" out status=0
  cases=$((cases + 1))
  out="$("$check" -f "$dir/Dockerfile" --context "$dir" 2>&1)" || status=$?
  if [[ "$want" == pass && $status -eq 0 ]] || [[ "$want" == fail && $status -ne 0 && "$out" == *"$expected"* ]]; then
    echo "ok   $name"
  else
    failures=$((failures + 1))
    echo "FAIL $name: wanted $want${expected:+ saying '$expected'}, exit $status:"; echo "$out" | sed 's/^/     | /'
  fi
}
runtime='FROM runtime
WORKDIR /app
COPY --from=build /src/a.txt /app/a.txt
USER 10001
ENTRYPOINT ["sh", "-c", "test -f /app/a.txt"]'

expect "a RUN sees only the files its stage's COPY lines name (the broken image of issue 10)" fail "RUN test -f b.txt" \
  "$(context <<EOF
FROM base AS build
WORKDIR /src
COPY a.txt .
RUN test -f b.txt
$runtime
EOF
)"

expect "continued RUN lines and comments are read as one command" pass "" "$(context <<EOF
# a comment
FROM base AS build
WORKDIR /src
COPY a.txt conf ./
RUN test -f a.txt \\
# a comment inside the continued line
 && test -f app.yml && test ! -e b.txt
$runtime
EOF
)"

expect "a file excluded by .dockerignore is not copied with its folder" pass "" "$(dir="$(context <<EOF
FROM base AS build
WORKDIR /src
COPY a.txt .
COPY conf ./conf
RUN test -f conf/app.yml && test ! -e conf/secret.key
$runtime
EOF
)"; printf '# secrets stay out\n*.key\n' >"$dir/.dockerignore"; echo "$dir")"

expect "a COPY naming a file excluded by .dockerignore fails" fail "not in the build context" "$(dir="$(context <<EOF
FROM base AS build
WORKDIR /src
COPY a.txt b.txt ./
$runtime
EOF
)"; echo b.txt >"$dir/.dockerignore"; echo "$dir")"

expect "what the final stage copies from the build stage must exist" fail "COPY --from=build /src/target/app.jar" \
  "$(context <<EOF
FROM base AS build
WORKDIR /src
COPY a.txt .
FROM runtime
WORKDIR /app
COPY --from=build /src/target/app.jar /app/
USER 10001
ENTRYPOINT ["true"]
EOF
)"

expect "a final stage without USER runs as root" fail "no USER" "$(context <<EOF
FROM base AS build
WORKDIR /src
COPY a.txt .
FROM runtime
ENTRYPOINT ["true"]
EOF
)"

expect "USER 0 is root" fail "would run as root" "$(context <<EOF
FROM runtime
USER 0:0
ENTRYPOINT ["true"]
EOF
)"

expect "an ENTRYPOINT that cannot start fails the check" fail "did not start" "$(context <<EOF
FROM runtime
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "test -f /app/missing.jar"]
EOF
)"

expect "a container that writes a log file fails the check" fail "writes a log file (/app/data/app.log)" "$(context <<EOF
FROM runtime
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "mkdir -p /app/data && echo started >/app/data/app.log"]
EOF
)"

expect "an ENTRYPOINT naming a class data sharing archive the image lacks fails" fail "does not contain" "$(context <<EOF
FROM runtime
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "exec true -XX:SharedArchiveFile=/app/app.jsa"]
EOF
)"

echo "docker-build-check-test: $((cases - failures))/$cases passed"
[[ $failures -eq 0 ]]
