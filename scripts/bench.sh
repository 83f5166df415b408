#!/usr/bin/env bash
# Prints benchmark figures for the embedded default; asserts nothing (figures are read by people, not by CI).
#   scripts/bench.sh [RECORDS]        default 1,000,000 records, 2% invalid, heap capped at 256 MB
# 1. parse: a bare Woodstox cursor pass vs the engine's read + validate, on the same file, best of 5 rounds
# 2. import: the whole pipeline (read, validate, publish in-process, upsert into file-based H2), with peak heap
#    sampled by jstat; the same import of a file 10x smaller, and of the large file with -Xmx64m, show that
#    memory does not grow with file size.
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

import() { # file label
  local file="$1" label="$2" data="$work/data-$2" json heapfile="$work/heap-$2.txt"
  rm -rf "$data"
  java $heap -Dfeedimport.data-dir="$data" -jar "$jar" run jobs/offers-xml.yml --file "$file" --json \
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
}

echo "bench: $(nproc) cores, $(java -version 2>&1 | head -n 1), heap $heap, $(date -u +%FT%TZ)"
big=$(feed_file "$records")
java $heap -jar "$jar" bench-parse jobs/offers-xml.yml --file "$big" --rounds 5
import "$(feed_file "$small")" small
import "$big" large
# the same large file with a quarter of the heap: streaming means it still completes
heap="-Xmx64m" import "$big" large-64m
