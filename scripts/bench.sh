#!/usr/bin/env bash
# Prints benchmark figures; asserts nothing (figures are read by people, not by CI).
#   scripts/bench.sh [RECORDS]        default 1,000,000 records, 2% invalid, heap capped at 256 MB
#   BENCH_ONLY=startup|embedded|production|xlsx|lookups|patterns|delta|resume   run one part only
# 0. startup: wall time of `runs` and of importing the 300-record sample, each the median of 5, from the plain jar
#    and from the extracted jar with the class data sharing archive scripts/cds.sh records at build time.
# 1. parse: a bare Woodstox cursor pass vs the engine's read + validate, on the same file, best of 5 rounds
# 2. import: the whole pipeline (read, validate, publish in-process, upsert into file-based H2), with peak heap
#    sampled by jstat; the same import of a file 10x smaller, and of the large file with -Xmx64m, show that
#    memory does not grow with file size.
# 3. xlsx: a generated 500,000-row CRM contacts workbook imported with the heap capped at 256 MB (rows/s, peak heap).
# 4. lookups: the offers feed with agents and cities as references (jobs/offers-lookups.yml), 100,000 records,
#    with the lookup cache and without it, side by side, with the share of lookups the cache answered.
# 6. patterns: `validate` of the 300-record sample as shipped, with one 200,000-character hostile e-mail (quadratic for
#    a backtracking engine under the shipped pattern), and with the e-mail pattern ^((a+)+)+$ and one value of 40 a
#    and a b (exponential for one); each the median of 3 wall times, start-up of the JVM included.
# 5. production: the importer publishing to the local RabbitMQ with confirms, one worker process upserting into the
#    local PostgreSQL (schema feedimport_bench, dropped first); publish throughput (the read step: read, validate,
#    publish, every chunk confirmed) and end-to-end records/s (until every record is accounted for).
# 7. delta: a nightly full export imported three times into the same database, on the embedded default and with
#    --profile production: first, then a copy of the same file (every record unchanged: nothing should be sent), then a
#    copy with the price of every 100th record changed (only those should be sent). Wall time of each command, JVM
#    start included, each run by ./feedimport as cron would (from the extracted jar and the class data sharing archive
#    the build recorded), and what the run sent. In production the changed night runs with no worker consuming until
#    its read step has ended, so the queue's depth is what the broker really received.
# 8. resume: an embedded import of the large file killed -9 once about 90% of its records are committed, then run
#    again: how long from the command's start until new records flow, split into the JVM and engine start-up (the
#    SHA-256 fingerprint of the file included) and the resume itself (seek, first chunk handed over); beside it, what
#    the resume would take by parsing the records before its place, as it did before byte offsets (bench-parse). The
#    start-up of any command is `runs` on copies of the killed database: the resume itself ends by compacting it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
records="${1:-1000000}"
small=$(( records / 10 ))
work="${BENCH_DIR:-/tmp/feedimport-bench}"
heap="${BENCH_HEAP:--Xmx256m}"
mkdir -p "$work"
./feedimport --help >/dev/null   # builds target/feedimport.jar if missing or stale
jar="target/feedimport.jar"

feed_file() { # records -> path, generated once per size
  local file="$work/offers-$1.xml"
  [[ -f "$file" ]] || java -jar "$jar" generate offers --records "$1" --invalid-percent 2 --seed 7 --out "$file" >&2
  echo "$file"
}

# Peak of S0U+S1U+EU+OU (KB) reported by jstat every 200 ms for a running JVM.
sample_heap() {
  local pid="$1" out="$2"
  jstat -gc "$pid" 200 2>/dev/null | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > peak) peak = used;
      if ($col["OU"] > old) old = $col["OU"]; print peak, old > "/dev/stderr" }' 2> "$out" || true
}

import() { # file label [job]
  local file="$1" label="$2" job="${3:-jobs/offers-xml.yml}" data="$work/data-$2" json heapfile="$work/heap-$2.txt"
  rm -rf "$data"
  java $heap -Dfeedimport.data-dir="$data" -jar "$jar" run "$job" --file "$file" --json \
      > "$work/run-$label.out" 2> "$work/run-$label.err" &
  local pid=$!
  sleep 0.5
  sample_heap "$pid" "$heapfile" &
  local sampler=$!
  wait "$pid" || true
  wait "$sampler" 2>/dev/null || true
  json=$(tail -n 1 "$work/run-$label.out")
  local read ms status peak old size
  read=$(sed -E 's/.*"read":([0-9]+).*/\1/' <<<"$json")
  ms=$(sed -E 's/.*"durationMs":([0-9]+).*/\1/' <<<"$json")
  status=$(sed -E 's/.*"status":"([A-Z]+)".*/\1/' <<<"$json")
  size=$(stat -c %s "$file")
  peak=$(tail -n 1 "$heapfile" | awk '{ printf "%.1f", $1 / 1024 }')
  old=$(tail -n 1 "$heapfile" | awk '{ printf "%.1f", $2 / 1024 }')
  awk -v r="$read" -v ms="$ms" -v b="$size" -v p="$peak" -v o="$old" -v s="$status" -v l="$label" 'BEGIN {
    printf "import %-6s %9d records %8.1f MB  %s in %6.1f s  %8.0f records/s  %6.1f MB/s  peak heap used %6.1f MB (old gen %.1f MB)\n",
      l, r, b / 1e6, s, ms / 1000, r / (ms / 1000), b / 1e6 / (ms / 1000), p, o }'
  echo "import $label summary: $json"
  grep -h "lookups:" "$work/run-$label.err" | sed "s/^feedimport: /import $label /" || true
}

production() { # file queue-type
  local file="$1" queue="$2" schema=feedimport_bench feed="offers_bench" jobs="$work/jobs-bench" json
  scripts/services.sh --only postgres,rabbitmq
  psql -w -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
  for q in "fi.$feed" "fi.$feed.parked" "fi.$feed.retry.5000ms" "fi.$feed.retry.10000ms" "fi.$feed.retry.20000ms"; do
    rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true
  done
  mkdir -p "$jobs"
  sed -e "s/^name: offers$/name: $feed/" -e "s/queue: classic/queue: $queue/" jobs/offers-xml.yml > "$jobs/offers.yml"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
         SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=""
  java $heap -Dfeedimport.data-dir="$work/data-prod" -jar "$jar" worker --jobs "$jobs" --profile production \
      2> "$work/worker.err" &
  local worker=$!
  until grep -q "consuming" "$work/worker.err"; do
    kill -0 "$worker" 2>/dev/null || { cat "$work/worker.err" >&2; return 1; }
    sleep 0.2
  done
  java $heap -Dfeedimport.data-dir="$work/data-prod" -jar "$jar" run "$jobs/offers.yml" --file "$file" --json \
      --profile production > "$work/run-prod.out" 2> "$work/run-prod.err" || true
  kill "$worker"; wait "$worker" 2>/dev/null || true
  json=$(tail -n 1 "$work/run-prod.out")
  local read ms publish_s
  read=$(sed -E 's/.*"read":([0-9]+).*/\1/' <<<"$json")
  ms=$(sed -E 's/.*"durationMs":([0-9]+).*/\1/' <<<"$json")
  publish_s=$(psql -w -tA -h 127.0.0.1 -U postgres -d test -c "SELECT EXTRACT(EPOCH FROM end_time - start_time)
      FROM $schema.batch_step_execution WHERE step_name = 'read' ORDER BY step_execution_id DESC LIMIT 1")
  awk -v r="$read" -v ms="$ms" -v p="$publish_s" -v q="$queue" 'BEGIN {
    printf "production %-7s %9d records  publish (read+validate+confirm) %6.1f s %8.0f records/s  end to end %6.1f s %8.0f records/s\n",
      q, r, p, r / p, ms / 1000, r / (ms / 1000) }'
  echo "production $queue summary: $json"
}

changed_copy() { # file -> a copy with the price of every 100th record changed, written once
  local changed="${1%.xml}-changed.xml"
  [[ -f "$changed" ]] || awk '/<offer / { n++ } n % 100 == 0 && /<\/price>/ { sub(/<\/price>/, "1</price>") } { print }' \
    "$1" > "$changed"
  echo "$changed"
}

night() { # label data-dir file [run options...] : one import into a kept database; prints time and what was sent
  local label="$1" data="$2" file="$3" json t
  shift 3
  # through the launcher, as the nightly cron runs it (the class data sharing archive the build recorded included)
  FEEDIMPORT_JAVA_OPTS="$heap -Dfeedimport.data-dir=$data" /usr/bin/time -o "$work/night-time" -f %e ./feedimport run \
    "${DELTA_JOB:-jobs/offers-xml.yml}" --file "$file" --json "$@" > "$work/night-$label.out" 2> "$work/night-$label.err" \
    || true
  json=$(tail -n 1 "$work/night-$label.out")
  t=$(tail -n 1 "$work/night-time")
  awk -v l="$label" -v t="$t" -v j="$json" 'BEGIN {
    n = split("read published unchangedAtSource persisted unchanged reconciled", k, " ")
    line = sprintf("delta %-22s %7.1f s", l, t)
    for (i = 1; i <= n; i++) { v = j; if (match(v, "\"" k[i] "\":[a-z0-9]+")) { v = substr(v, RSTART, RLENGTH); gsub(/"/, "", v); line = line "  " v } }
    print line }'
  echo "$t" > "$work/night-$label.seconds"
}

delta_production() { # file changed-file
  local file="$1" changed="$2" schema=feedimport_bench_delta feed=offers_delta jobs="$work/jobs-delta" worker importer
  scripts/services.sh --only postgres,rabbitmq
  psql -w -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
  for q in "fi.$feed" "fi.$feed.parked" "fi.$feed.retry.5000ms" "fi.$feed.retry.10000ms" "fi.$feed.retry.20000ms"; do
    rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true
  done
  mkdir -p "$jobs"
  sed -e "s/^name: offers$/name: $feed/" jobs/offers-xml.yml > "$jobs/offers.yml"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
         SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=""
  start_worker() {
    : > "$work/worker-delta.err"
    java $heap -Dfeedimport.data-dir="$work/data-delta-prod" -jar "$jar" worker --jobs "$jobs" --profile production \
        2> "$work/worker-delta.err" &
    worker=$!
    until grep -q "consuming" "$work/worker-delta.err"; do
      kill -0 "$worker" 2>/dev/null || { cat "$work/worker-delta.err" >&2; return 1; }
      sleep 0.2
    done
  }
  start_worker
  DELTA_JOB="$jobs/offers.yml" night "production first" "$work/data-delta-prod" "$file" --profile production
  DELTA_JOB="$jobs/offers.yml" night "production unchanged" "$work/data-delta-prod" "$work/offers-again.xml" --profile production
  awk -v a="$(cat "$work/night-production first.seconds")" -v b="$(cat "$work/night-production unchanged.seconds")" \
    'BEGIN { printf "delta production: the unchanged re-import took %.1fx less time than the first import\n", a / b }'
  # the changed night: nothing consumes until the read step ended, so the queue holds every message the run sent
  kill "$worker"; wait "$worker" 2>/dev/null || true
  local steps
  steps=$(psql -w -tA -h 127.0.0.1 -U postgres -d test -c "SELECT COUNT(*) FROM $schema.batch_step_execution
      WHERE step_name = 'read'")
  java $heap -Dfeedimport.data-dir="$work/data-delta-prod" -jar "$jar" run "$jobs/offers.yml" --file "$changed" --json \
      --profile production > "$work/night-production-changed.out" 2> "$work/night-production-changed.err" &
  importer=$!
  until [[ "$(psql -w -tA -h 127.0.0.1 -U postgres -d test -c "SELECT COUNT(*) FROM $schema.batch_step_execution
      WHERE step_name = 'read' AND end_time IS NOT NULL")" -gt "$steps" ]]; do
    kill -0 "$importer" 2>/dev/null || break
    sleep 0.5
  done
  echo "delta production 1% changed: messages in fi.$feed when the read step ended:" \
    "$(rabbitmqctl -q list_queues name messages | awk -v q="fi.$feed" '$1 == q { print $2 }')"
  start_worker
  wait "$importer" || true
  echo "delta production 1% changed summary: $(tail -n 1 "$work/night-production-changed.out")"
  kill "$worker"; wait "$worker" 2>/dev/null || true
}

echo "bench: $(nproc) cores, $(java -version 2>&1 | head -n 1), heap $heap, $(date -u +%FT%TZ)"
startup() { # label java-options... : prints the median wall time of `runs` and of a sample import
  local label="$1" t runs=() imports=()
  shift
  for i in 1 2 3 4 5; do
    rm -rf "$work/data-startup"
    /usr/bin/time -o "$work/startup-time" -f %e java -Dfeedimport.data-dir="$work/data-startup" "$@" runs >/dev/null 2>&1
    runs+=("$(cat "$work/startup-time")")
    /usr/bin/time -o "$work/startup-time" -f %e java -Dfeedimport.data-dir="$work/data-startup" "$@" \
      run jobs/offers-xml.yml --file sample-feeds/offers.xml >/dev/null 2>&1
    t="$(cat "$work/startup-time")"
    imports+=("$t")
  done
  printf "startup %-24s runs %5.2f s   import of the 300-record sample %5.2f s   (median of 5)\n" "$label" \
    "$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)" "$(printf '%s\n' "${imports[@]}" | sort -n | sed -n 3p)"
}
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == startup ]]; then
  startup "plain jar" -jar "$jar"
  if [[ -f target/app/feedimport.jsa ]]; then
    startup "extracted, no archive" -jar target/app/feedimport.jar
    startup "extracted + cds archive" -XX:SharedArchiveFile=target/app/feedimport.jsa -Xlog:cds=off,cds+dynamic=off \
      -jar target/app/feedimport.jar
  else
    echo "startup: no target/app/feedimport.jsa (built with -Dcds.skip?), nothing to compare"
  fi
  [[ "${BENCH_ONLY:-}" == startup ]] && exit 0
fi
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == patterns ]]; then
  validate_time() { # label job file -> median of 3 wall times of `validate`, in seconds
    local times=()
    for i in 1 2 3; do
      /usr/bin/time -o "$work/patterns-time" -f %e java -Dfeedimport.data-dir="$work/data-patterns" -jar "$jar" \
        validate "$2" --file "$3" > "$work/patterns-$1.out" 2>&1 || true
      times+=("$(tail -n 1 "$work/patterns-time")")   # after "Command exited with non-zero status" if any
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
  }
  with_first_email() { # awk expression of the value -> the sample with its first e-mail replaced by that value
    awk 'function rep(c, n,  s) { s = sprintf("%" n "s", ""); gsub(/ /, c, s); return s }
         BEGIN { v = '"$1"' } !done && /<email>/ { sub(/<email>[^<]*<\/email>/, "<email>" v "</email>"); done = 1 } { print }' \
      sample-feeds/offers.xml
  }
  # a, @, 199,997 dots, @: the last [^@\s]+ of the shipped pattern never reaches $, from any of the dots
  with_first_email '"a@" rep(".", 199997) "@"' > "$work/offers-hostile-email.xml"
  with_first_email 'rep("a", 40) "b"' > "$work/offers-nested.xml"
  sed '/^  email:/s|pattern: "[^"]*"|pattern: "^((a+)+)+$"|' jobs/offers-xml.yml > "$work/offers-nested.yml"
  grep -q 'pattern: "^((a+)+)+\$"' "$work/offers-nested.yml" || { echo "patterns: no e-mail pattern to replace" >&2; exit 1; }
  printf "patterns: validate, sample as shipped %5.2f s   one 200,000-character e-mail %5.2f s   ^((a+)+)+\$ on 40 a + b %5.2f s   (median of 3)\n" \
    "$(validate_time shipped jobs/offers-xml.yml sample-feeds/offers.xml)" \
    "$(validate_time hostile jobs/offers-xml.yml "$work/offers-hostile-email.xml")" \
    "$(validate_time nested "$work/offers-nested.yml" "$work/offers-nested.xml")"
  for label in shipped hostile nested; do
    grep -h "^validated" "$work/patterns-$label.out" | sed "s/^/patterns: $label: /"
  done
  [[ "${BENCH_ONLY:-}" == patterns ]] && exit 0
fi
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == xlsx ]]; then
  rows="${BENCH_XLSX_ROWS:-500000}"
  sheet="$work/contacts-$rows.xlsx"
  [[ -f "$sheet" ]] || java -Xmx256m -jar "$jar" generate contacts --records "$rows" --invalid-percent 2 --seed 7 --out "$sheet" >&2
  import "$sheet" xlsx jobs/contacts-xlsx.yml
  [[ "${BENCH_ONLY:-}" == xlsx ]] && exit 0
fi
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == lookups ]]; then
  lookups_file=$(feed_file "$small")
  heap="$heap -Dfeedimport.lookup-cache=local" import "$lookups_file" cached jobs/offers-lookups.yml
  heap="$heap -Dfeedimport.lookup-cache=none" import "$lookups_file" uncached jobs/offers-lookups.yml
  [[ "${BENCH_ONLY:-}" == lookups ]] && exit 0
fi
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == resume ]]; then
  resume_file=$(feed_file "$records")
  kill_at=$(( records * 9 / 10 ))
  data="$work/data-resume"
  rm -rf "$data"
  java $heap -Dfeedimport.data-dir="$data" -jar "$jar" run jobs/offers-xml.yml --file "$resume_file" --json \
      > "$work/resume-first.out" 2> "$work/resume-first.err" &
  first=$!
  # a progress line comes every 2 s, once a chunk is handed over: committed a moment later, on disk within H2's 500 ms
  until grep -oE 'at record [0-9,]+' "$work/resume-first.err" | tr -d , | awk -v k="$kill_at" '$3 >= k { f = 1 } END { exit !f }'; do
    kill -0 "$first" 2>/dev/null || { echo "resume: the first import ended before record $kill_at" >&2; exit 1; }
    sleep 0.2
  done
  sleep 1.5
  kill -0 "$first" 2>/dev/null || { echo "resume: the first import ended before it was killed: give more records" >&2; exit 1; }
  kill -9 "$first"
  wait "$first" 2>/dev/null || true
  # the database as the resume finds it, for the start-up of `runs` below: the resume ends by compacting it
  killed="$work/data-resume-killed"
  rm -rf "$killed"; cp -r "$data" "$killed"; sync
  started=$EPOCHREALTIME
  # stderr stamped line by line as it comes; stdout (the summary) to a file
  java $heap -Dfeedimport.data-dir="$data" -jar "$jar" run jobs/offers-xml.yml --file "$resume_file" --json 2>&1 \
      > "$work/resume-second.out" | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done \
      > "$work/resume-second.err"
  grep -q 'resuming run' "$work/resume-second.err" \
    || { echo "resume: the second run did not resume (the first had completed?): $(head -n 1 "$work/resume-second.err")" >&2; exit 1; }
  stamp() { awk -v re="$1" '$0 ~ re { print $1; exit }' "$work/resume-second.err"; }
  t_step=$(stamp 'resuming run')
  t_seek=$(stamp 'resumed at byte offset')
  t_flow=$(stamp ' at record ')
  after=$(grep -oE 'resuming run [0-9]+ after record [0-9,]+' "$work/resume-second.err" | grep -oE '[0-9,]+$' | tr -d , || true)
  seeked=$(grep -oE 'resumed at byte offset [0-9,]+, record [0-9,]+' "$work/resume-second.err" || echo "no seek")
  flow=$(grep -m1 -oE 'at record [0-9,]+' "$work/resume-second.err" || echo "no progress")
  size=$(stat -c %s "$resume_file")
  hash=$( { /usr/bin/time -f %e sha256sum "$resume_file" >/dev/null; } 2>&1 )
  # the JVM and engine start-up of any command, on the database as the resume found it (killed, H2's garbage and all):
  # the median of 3 of `runs`, each on a fresh copy of it
  runs_times=()
  for i in 1 2 3; do
    rm -rf "$work/data-resume-runs"; cp -r "$killed" "$work/data-resume-runs"; sync
    /usr/bin/time -o "$work/resume-runs-time" -f %e java $heap -Dfeedimport.data-dir="$work/data-resume-runs" -jar "$jar" \
        runs >/dev/null 2>&1
    runs_times+=("$(tail -n 1 "$work/resume-runs-time")")
  done
  rm -rf "$work/data-resume-runs" "$killed"
  jvm=$(printf '%s\n' "${runs_times[@]}" | sort -n | sed -n 2p)
  awk -v s="$started" -v a="$t_step" -v b="$t_seek" -v c="$t_flow" -v n="$after" -v mb="$size" -v h="$hash" \
      -v seek="$seeked" -v flow="$flow" -v jvm="$jvm" 'BEGIN {
    printf "resume: killed -9 with %d of %d records committed, file %.1f MB\n", n, '"$records"', mb / 1e6
    printf "resume: new records flow %.2f s after the command started; %.2f s without the JVM and engine start-up" \
      " of any command (`runs` takes %.2f s)\n", c - s, c - s - jvm, jvm
    printf "resume:   %.2f s JVM and engine start-up until the read step began (H2 recovering from the kill and the" \
      " file'"'"'s SHA-256 fingerprint included; sha256sum alone takes %.2f s)\n", a - s, h
    printf "resume:   %.2f s from the read step'"'"'s start to %s\n", b - a, seek
    printf "resume:   %.2f s more to validate, publish and hand over the first chunk of new records (%s), on a cold JIT\n", c - b, flow
    printf "resume:   %.2f s in all from the read step'"'"'s start to new records flowing\n", c - a }'
  echo "resume: summary $(tail -n 1 "$work/resume-second.out")"
  java $heap -jar "$jar" bench-parse jobs/offers-xml.yml --file "$resume_file" --resume-at "$after" | sed 's/^/resume: in-process, /'
  [[ "${BENCH_ONLY:-}" == resume ]] && exit 0
fi
big=$(feed_file "$records")
if [[ "${BENCH_ONLY:-}" != production && "${BENCH_ONLY:-}" != xlsx && "${BENCH_ONLY:-}" != lookups \
      && "${BENCH_ONLY:-}" != startup && "${BENCH_ONLY:-}" != delta ]]; then
  java $heap -jar "$jar" bench-parse jobs/offers-xml.yml --file "$big" --rounds 5
  import "$(feed_file "$small")" small
  import "$big" large
  # the same large file with a quarter of the heap: streaming means it still completes
  heap="-Xmx64m" import "$big" large-64m
fi
if [[ -z "${BENCH_ONLY:-}" || "${BENCH_ONLY:-}" == delta ]]; then
  changed=$(changed_copy "$big")
  rm -rf "$work/data-delta"
  # the same bytes as a new file, as a nightly export arrives: a run remembers the checksum of a file it read
  # (fi_file_sha), and reading the same file again would skip the hashing no new export skips
  again="$work/offers-again.xml"
  rm -f "$again"; cp "$big" "$again"
  night "embedded first" "$work/data-delta" "$big"
  night "embedded unchanged" "$work/data-delta" "$again"
  night "embedded 1% changed" "$work/data-delta" "$changed"
  awk -v a="$(cat "$work/night-embedded first.seconds")" -v b="$(cat "$work/night-embedded unchanged.seconds")" \
    'BEGIN { printf "delta embedded: the unchanged re-import took %.1fx less time than the first import\n", a / b }'
  delta_production "$big" "$changed"
  [[ "${BENCH_ONLY:-}" == delta ]] && exit 0
fi
if [[ "${BENCH_ONLY:-}" != embedded ]]; then
  production "$big" classic
  production "$big" quorum
fi
