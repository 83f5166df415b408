#!/usr/bin/env bash
# Proves the Dockerfile builds and starts, without a Docker engine: replays it stage by stage on this machine.
#   scripts/docker-build-check.sh [-f DOCKERFILE] [--context DIR] [--keep]
# Each stage gets an empty folder standing for its file system. Its COPY lines put there exactly the files they name
# (from the context, minus .dockerignore, or from an earlier stage), and its RUN lines run there, with this machine's
# tools standing in for the base image (mvn, java). Paths under the stage's WORKDIR in RUN, ENV and ENTRYPOINT point
# into that folder. Then the final stage: a COPY --from must find its files, USER must not be root, and the
# ENTRYPOINT must start (`runs`): from the class data sharing archive it names, honouring FEEDIMPORT_JAVA_OPTS, and
# writing no log file (containers log to stdout). Maven runs offline (~/.m2) unless DOCKER_BUILD_CHECK_ONLINE=1.
# RUN lines that administer the image's system (useradd, apt-get, chown...) need its root and are not replayed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "docker-build-check: $*" >&2; exit 1; }
say() { echo "docker-build-check: $*"; }

dockerfile="Dockerfile"
context="."
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -f|--file) [[ $# -ge 2 ]] || die "$1 needs a file"; dockerfile="$2"; shift 2 ;;
    --context) [[ $# -ge 2 ]] || die "$1 needs a directory"; context="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (usage: scripts/docker-build-check.sh [-f DOCKERFILE] [--context DIR] [--keep])" ;;
  esac
done
[[ -f "$dockerfile" ]] || die "$dockerfile: no such file"
[[ -d "$context" ]] || die "$context: no such directory"
context="$(cd "$context" && pwd)"
dockerfile="$(cd "$(dirname "$dockerfile")" && pwd)/$(basename "$dockerfile")"

work="$(mktemp -d "${TMPDIR:-/tmp}/docker-build-check.XXXXXX")"
if [[ -n "$keep" ]]; then say "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# --- the Dockerfile as instructions: continuation lines joined, comments dropped -----------------------------------
instructions=()
line=""
while IFS= read -r raw || [[ -n "$raw" ]]; do
  raw="${raw%$'\r'}"
  [[ "$raw" =~ ^[[:space:]]*# ]] && continue                   # comments, also inside a continued instruction
  if [[ "$raw" =~ ^(.*)\\[[:space:]]*$ ]]; then line+="${BASH_REMATCH[1]} "; continue; fi
  line+="$raw"
  [[ "$line" =~ ^[[:space:]]*$ ]] || instructions+=("$(sed -E 's/^[[:space:]]+//' <<<"$line")")
  line=""
done <"$dockerfile"
[[ -z "${line// /}" ]] || die "$dockerfile ends inside a continued line: $line"

# --- .dockerignore: last matching pattern wins, '!' re-includes (a '*' here may also cross '/') --------------------
ignore_patterns=()
if [[ -f "$context/.dockerignore" ]]; then
  while IFS= read -r p || [[ -n "$p" ]]; do
    p="$(sed -E 's/^[[:space:]]+|[[:space:]]+$//g' <<<"${p%$'\r'}")"
    [[ -z "$p" || "$p" == \#* ]] && continue
    neg=""; [[ "$p" == !* ]] && { neg="!"; p="${p#!}"; }
    p="${p#/}"; p="${p#./}"; p="${p%/}"; p="${p//\*\*\//}"
    ignore_patterns+=("$neg$p")
  done <"$context/.dockerignore"
fi
ignored() {  # ignored RELPATH: the path, or a folder above it, matches the last applicable pattern
  local path="$1" verdict=1 pat neg prefix
  for pat in "${ignore_patterns[@]+"${ignore_patterns[@]}"}"; do
    neg=""; [[ "$pat" == !* ]] && { neg=1; pat="${pat#!}"; }
    prefix="$path"
    while :; do
      # shellcheck disable=SC2053
      if [[ "$prefix" == $pat ]]; then [[ -n "$neg" ]] && verdict=1 || verdict=0; break; fi
      [[ "$prefix" == */* ]] || break
      prefix="${prefix%/*}"
    done
  done
  return $verdict
}

# --- helpers ---------------------------------------------------------------------------------------------------------
json_words() {  # the strings of a JSON array, one per line (NUL-safe enough for Dockerfile arguments)
  perl -MJSON::PP -e 'my $a = eval { JSON::PP->new->decode($ARGV[0]) }; ref $a eq "ARRAY" or exit 1;
                      print "$_\0" for @$a' "$1"
}
to_host() {  # to_host STAGE_ROOT WORKDIR PATH: where a path of the stage lives in its folder
  local root="$1" wd="$2" p="$3"
  [[ "$p" == /* ]] || p="${wd%/}/$p"
  echo "$root$p"
}
rewrite() {  # paths under the stage's WORKDIR, as words in TEXT, point into the stage's folder
  WD="$2" NEW="$1$2" perl -pe 's{(?<![\w./-])\Q$ENV{WD}\E(?=/|[^\w.-]|$)}{$ENV{NEW}}g' <<<"$3"
}
copy_from_context() {  # copy_from_context RELPATH DEST_PATH
  local rel="$1" dest="$2" src="$context/$1" f sub
  if [[ -d "$src" ]]; then
    mkdir -p "$dest"
    while IFS= read -r -d '' f; do
      sub="${f#"$src"/}"
      ignored "${rel%/}/$sub" && continue
      if [[ -d "$f" ]]; then mkdir -p "$dest/$sub"; else mkdir -p "$(dirname "$dest/$sub")"; cp -p "$f" "$dest/$sub"; fi
    done < <(find "$src" -mindepth 1 -print0)
  else
    mkdir -p "$(dirname "$dest")"; cp -p "$src" "$dest"
  fi
}
admin_commands=" useradd groupadd adduser addgroup usermod apt-get apt apk yum dnf chown "

declare -A stage_root stage_index
stage=-1
root=""; workdir="/"; final_user=""; entrypoint=(); stage_env=()
stages_total="$(printf '%s\n' "${instructions[@]}" | grep -ciE '^FROM[[:space:]]')"
start="$(date +%s)"

for ins in "${instructions[@]}"; do
  keyword="$(tr '[:lower:]' '[:upper:]' <<<"${ins%%[[:space:]]*}")"
  rest="$(sed -E 's/^[^[:space:]]+[[:space:]]*//' <<<"$ins")"
  case "$keyword" in
    FROM)
      stage=$((stage + 1))
      read -r -a words <<<"$rest"
      name="${words[2]:-$stage}"
      [[ "${words[1]:-}" =~ ^[Aa][Ss]$ ]] || name="$stage"
      [[ -z "${stage_index[${words[0]}]:-}" ]] || die "FROM ${words[0]}: a stage built on another stage is not supported"
      root="$work/stage$stage"; mkdir -p "$root"
      stage_root[$name]="$root"; stage_root[$stage]="$root"; stage_index[$name]="$stage"
      workdir="/"; final_user=""; entrypoint=(); stage_env=()
      say "stage $((stage + 1))/$stages_total: FROM $rest (this machine's tools stand in for ${words[0]})"
      ;;
    WORKDIR)
      [[ "$rest" == /* ]] || rest="${workdir%/}/$rest"
      workdir="$rest"; mkdir -p "$root$workdir"
      ;;
    ENV|ARG)
      if [[ "$keyword" == ARG && "$rest" != *=* ]]; then continue; fi
      if [[ "$keyword" == ENV && "$rest" != *=* ]]; then rest="${rest%%[[:space:]]*}=\"${rest#*[[:space:]]}\""; fi
      # the values as the Dockerfile quotes them (the Dockerfile is this repository's own, as are its RUN lines)
      eval "set -- $rest"
      for assignment in "$@"; do stage_env+=("${assignment%%=*}=$(rewrite "$root" "$workdir" "${assignment#*=}")"); done
      ;;
    COPY|ADD)
      from=""; words=()
      if [[ "$rest" =~ ^(--[a-z]+(=[^[:space:]]*)?[[:space:]]+)*\[ ]]; then
        flags="${rest%%\[*}"; mapfile -d '' -t words < <(json_words "[${rest#*\[}") || die "$keyword $rest: not a JSON array"
        read -r -a flagwords <<<"$flags"
      else
        read -r -a all <<<"$rest"; flagwords=(); for w in "${all[@]}"; do
          if [[ ${#words[@]} -eq 0 && "$w" == --* ]]; then flagwords+=("$w"); else words+=("$w"); fi; done
      fi
      for f in "${flagwords[@]+"${flagwords[@]}"}"; do [[ "$f" == --from=* ]] && from="${f#--from=}"; done
      [[ ${#words[@]} -ge 2 ]] || die "$keyword $rest: needs a source and a destination"
      dest="${words[-1]}"; sources=("${words[@]:0:${#words[@]}-1}")
      dest_host="$(to_host "$root" "$workdir" "$dest")"
      into_dir=""; [[ "$dest" == */ || ${#sources[@]} -gt 1 || -d "$dest_host" ]] && into_dir=1
      for src in "${sources[@]}"; do
        if [[ -n "$from" ]]; then
          from_root="${stage_root[$from]:-}"; [[ -n "$from_root" ]] || die "COPY --from=$from: no earlier stage of that name"
          src_host="$from_root$src"
          [[ -e "$src_host" ]] || die "COPY --from=$from $src: the $from stage made no such file (what the final stage takes from it must exist)"
          if [[ -d "$src_host" ]]; then mkdir -p "$dest_host"; cp -a "$src_host/." "$dest_host/"
          elif [[ -n "$into_dir" ]]; then mkdir -p "$dest_host"; cp -p "$src_host" "$dest_host/"
          else mkdir -p "$(dirname "$dest_host")"; cp -p "$src_host" "$dest_host"; fi
        else
          [[ "$src" != *://* ]] || die "$keyword $src: remote sources are not supported"
          mapfile -t matches < <(cd "$context" && compgen -G "${src#/}" || true)
          kept=(); for m in "${matches[@]+"${matches[@]}"}"; do m="${m#./}"; ignored "$m" || kept+=("$m"); done
          [[ ${#kept[@]} -gt 0 ]] || die "$keyword $src: not in the build context (missing, or excluded by .dockerignore)"
          for m in "${kept[@]}"; do
            if [[ -d "$context/$m" ]]; then copy_from_context "$m" "$dest_host"
            elif [[ -n "$into_dir" ]]; then copy_from_context "$m" "$dest_host/$(basename "$m")"
            else copy_from_context "$m" "$dest_host"; fi
          done
        fi
      done
      ;;
    RUN)
      [[ "$rest" != \[* ]] || die "RUN $rest: the exec form is not supported, write it as a shell command"
      [[ "$rest" != --* ]] || die "RUN $rest: RUN flags (--mount...) are not supported"
      first="${rest%%[[:space:]]*}"
      if [[ "$admin_commands" == *" $first "* ]]; then
        say "  RUN $first ...: not replayed (administers the image's system, needs its root)"
        continue
      fi
      command="$(rewrite "$root" "$workdir" "$rest")"
      if [[ "$first" == mvn && "${DOCKER_BUILD_CHECK_ONLINE:-}" != 1 ]]; then
        mkdir -p "$root$workdir/.mvn"; echo "-o" >>"$root$workdir/.mvn/maven.config"   # offline: ~/.m2 only
      fi
      say "  RUN $rest"
      log="$work/run-$stage-$RANDOM.log"
      run_start="$(date +%s)"
      status=0
      (cd "$root$workdir" && env -i PATH="$PATH" HOME="$HOME" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} LANG=C.UTF-8 \
        "${stage_env[@]+"${stage_env[@]}"}" sh -c "$command") >"$log" 2>&1 || status=$?
      if [[ $status -ne 0 ]]; then
        # Maven's stack trace hides its cause: the last lines without "at ..." frames, without colour codes
        sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -vE '^[[:space:]]+at ' | tail -n 12 | sed 's/^/    | /' >&2
        die "RUN $rest: failed (exit $status) in stage $((stage + 1)); only what the COPY lines name is there"
      fi
      say "    done in $(( $(date +%s) - run_start ))s"
      ;;
    USER) final_user="$rest" ;;
    ENTRYPOINT)
      if [[ "$rest" == \[* ]]; then mapfile -d '' -t entrypoint < <(json_words "$rest") || die "ENTRYPOINT $rest: not a JSON array"
      else entrypoint=(/bin/sh -c "$rest"); fi
      ;;
    CMD|EXPOSE|LABEL|HEALTHCHECK|STOPSIGNAL|VOLUME|MAINTAINER) ;;
    *) die "$keyword: not supported by this check" ;;
  esac
done
[[ $stage -ge 0 ]] || die "$dockerfile has no FROM"
say "the build stages replayed in $(( $(date +%s) - start ))s"

# --- the final stage: who it runs as, and whether its ENTRYPOINT starts ---------------------------------------------
user_name="${final_user%%:*}"
[[ -n "$user_name" ]] || die "the final stage sets no USER: the container would run as root"
[[ "$user_name" != root && "$user_name" != 0 ]] || die "USER $final_user: the container would run as root"
[[ ${#entrypoint[@]} -gt 0 ]] || die "the final stage has no ENTRYPOINT"

mapped=()
for word in "${entrypoint[@]}"; do mapped+=("$(rewrite "$root" "$workdir" "$word")"); done
classes="$work/class-load.log"
marker="$work/marker"; touch "$marker"
say "starting the ENTRYPOINT with 'runs' (as USER $final_user would, from WORKDIR $workdir)"
started="$(date +%s%N)"
if ! out="$(cd "$root$workdir" && env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 "${stage_env[@]+"${stage_env[@]}"}" \
              FEEDIMPORT_JAVA_OPTS="-Xlog:class+load=info:file=$classes" "${mapped[@]}" runs 2>&1)"; then
  echo "$out" | tail -n 25 | sed 's/^/    | /' >&2
  die "the ENTRYPOINT did not start: ${entrypoint[*]}"
fi
say "  started and answered in $(( ($(date +%s%N) - started) / 1000000 )) ms"

archive="$(grep -oE -- '-XX:SharedArchiveFile=[^[:space:]"]+' <<<"${entrypoint[*]}" | head -1 | cut -d= -f2- || true)"
if [[ -n "$archive" ]]; then
  [[ -f "$(to_host "$root" "$workdir" "$archive")" ]] || die "the ENTRYPOINT names $archive, which the image does not contain"
  [[ -f "$classes" ]] || die "the ENTRYPOINT ignores FEEDIMPORT_JAVA_OPTS (a class loading log asked for there was not written)"
  shared="$(grep -c 'source: shared objects file (top)' "$classes" || true)"
  [[ "$shared" -gt 0 ]] || die "the JVM loaded no class from $archive: the archive does not fit the JVM or class path that start it"
  say "  $shared classes came from $archive; FEEDIMPORT_JAVA_OPTS is honoured"
fi
logs="$(find "$root" -name '*.log' -newer "$marker" -print | sed "s#^$root##")"
[[ -z "$logs" ]] || die "the container writes a log file ($logs): in a container logs go to stdout"
say "OK: $dockerfile builds and starts, as USER $final_user, in $(( $(date +%s) - start ))s"
