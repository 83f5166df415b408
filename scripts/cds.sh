#!/usr/bin/env bash
# Class data sharing for the command line: unpacks target/feedimport.jar into target/app (Spring Boot's extracted
# layout, which the JVM can share classes from) and records which classes an import loads, by importing the sample
# feed once into a throw-away data directory. ./feedimport and the CLI tests then start the JVM with that archive:
# a command starts in about half the time (README, "Start-up"). Run by `mvn package`; skip with -Dcds.skip.
# Never fails the build: without an archive the launcher runs the plain jar.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/feedimport.jar"
app="$here/target/app"
training="$(mktemp -d)"
trap 'rm -rf "$training"' EXIT

rm -rf "$app"
if ! java -Djarmode=tools -jar "$jar" extract --destination "$app" >"$training/extract.log" 2>&1; then
  echo "cds: could not extract $jar, the launcher will run it as it is: $(tail -1 "$training/extract.log")" >&2
  rm -rf "$app"
  exit 0
fi
if ! java -XX:ArchiveClassesAtExit="$app/feedimport.jsa" -Dfeedimport.data-dir="$training/data" -jar "$app/feedimport.jar" \
    run "$here/jobs/offers-xml.yml" --file "$here/sample-feeds/offers.xml" >"$training/run.log" 2>&1 \
    || [ ! -s "$app/feedimport.jsa" ]; then
  echo "cds: the training import failed, the launcher will start without shared classes: $(tail -1 "$training/run.log")" >&2
  rm -f "$app/feedimport.jsa"
fi
