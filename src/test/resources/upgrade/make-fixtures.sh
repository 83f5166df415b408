#!/usr/bin/env bash
# Makes the upgrade fixtures: databases as feedimport created them before its schema was migrations, by the CLI of
# commit 61f86cd itself, so that MigrationUpgradeTest (H2) and MigrationUpgradePostgresIT prove that such a database
# is migrated with its runs, skip reports, file ledger and parked records intact. Run it again only to remake them:
#
#   bash src/test/resources/upgrade/make-fixtures.sh
#
# Needs: git, a JDK 17, Maven with the old commit's dependencies in ~/.m2 (it builds offline), and the local
# PostgreSQL at 127.0.0.1:5432, database test, user postgres without password (as the ITs), with psql and pg_dump.
# Writes h2/feedimport.mv.db and postgresql/feedimport.sql beside this script; the schema fi_upgrade_fixture in the
# test database is dropped and made anew on the way.
#
# What each database gets, through the old CLI only (plus a trigger, dropped again, to make one record park):
#   run 1  small-offers.xml: 5 read, 2 skipped (a negative price, an unknown kind and currency): a skip report, and
#          FAILED, being over the feed's skip limit
#   run 2  offers.xml with offer OF-000007 refused as a transient conflict: 300 read, 15 skipped, 282 persisted,
#          2 unchanged, 1 parked after 5 attempts
#   poll   the feed's drop folder twice: a generated file imported (run 3, file ledger IMPORTED, archived) and a
#          file that is not XML (run 4 FAILED, file ledger FAILED), with pick-up log entries and the feed lock row
set -euo pipefail

OLD_COMMIT=61f86cd
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d)
schema=fi_upgrade_fixture
server=jdbc:postgresql://127.0.0.1:5432/test
trap 'git -C "$repo" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach "$work/old" "$OLD_COMMIT" >/dev/null
(cd "$work/old" && mvn -B -o -q -Dcds.skip -DskipTests package)
mkdir "$work/app"
(cd "$work/app" && jar xf "$work/old/target/feedimport.jar")
# the jar unpacked, so that the trigger class sits on the same class path as the engine's H2
javac -cp "$work/app/BOOT-INF/lib/*" -d "$work/trigger" "$here/RefuseOffer.java"
classpath="$work/app/BOOT-INF/classes:$work/app/BOOT-INF/lib/*:$work/trigger"
h2sql() {
    java -cp "$classpath" org.h2.tools.Shell -url "jdbc:h2:file:$work/h2/data/feedimport" -user sa -password "" -sql "$1"
}
pgsql() {
    psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test -c "$1"
}

# one feed definition, the sample's, with its drop folder under $work/<db>/drop/offers
fill() {
    local db=$1
    shift
    local feedimport=(java -Dfeedimport.data-dir="$work/$db/data" -cp "$classpath" io.feedimport.FeedImportApplication)
    mkdir -p "$work/$db/jobs" "$work/$db/drop/offers"
    cp "$work/old/jobs/offers-xml.yml" "$work/$db/jobs/offers.yml"
    cp "$work/old/src/test/resources/feeds/small-offers.xml" "$work/$db/small-offers.xml"
    cp "$work/old/sample-feeds/offers.xml" "$work/$db/offers.xml"
    "${feedimport[@]}" run "$work/$db/jobs/offers.yml" --file "$work/$db/small-offers.xml" || true
    "$@" refuse
    "${feedimport[@]}" run "$work/$db/jobs/offers.yml" --file "$work/$db/offers.xml" || true
    "$@" release
    "${feedimport[@]}" generate offers --records 40 --seed 11 --out "$work/$db/drop/offers/offers-2026-11-23.xml"
    printf 'this is not XML\n' > "$work/$db/drop/offers/offers-2026-11-24.xml"
    "${feedimport[@]}" poll offers --jobs "$work/$db/jobs" || true
    sleep 2
    "${feedimport[@]}" poll offers --jobs "$work/$db/jobs" || true
    "${feedimport[@]}" runs
    "${feedimport[@]}" files offers
    "${feedimport[@]}" parked offers --jobs "$work/$db/jobs"
}

h2() {
    case $1 in
        refuse) h2sql 'CREATE TRIGGER refuse_offer BEFORE INSERT, UPDATE ON offer FOR EACH ROW CALL "RefuseOffer"' ;;
        release) h2sql 'DROP TRIGGER refuse_offer' ;;
    esac
}

postgresql() {
    case $1 in
        refuse) pgsql "CREATE FUNCTION $schema.refuse_offer() RETURNS trigger AS \$\$ BEGIN
                         IF NEW.id = 'OF-000007' THEN
                           RAISE EXCEPTION 'offer % conflicts with a concurrent update', NEW.id USING ERRCODE = '40001';
                         END IF; RETURN NEW; END \$\$ LANGUAGE plpgsql;
                       CREATE TRIGGER refuse_offer BEFORE INSERT OR UPDATE ON $schema.offer
                         FOR EACH ROW EXECUTE FUNCTION $schema.refuse_offer()" ;;
        release) pgsql "DROP TRIGGER refuse_offer ON $schema.offer; DROP FUNCTION $schema.refuse_offer()" ;;
    esac
}

# H2: the embedded default, the database file under the data directory
fill h2 h2
h2sql 'SHUTDOWN COMPACT'
mkdir -p "$here/h2"
cp "$work/h2/data/feedimport.mv.db" "$here/h2/feedimport.mv.db"

# PostgreSQL: the settings the ITs give the CLI (SPRING_DATASOURCE_*), the embedded transport
pgsql "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
export SPRING_DATASOURCE_URL="$server?currentSchema=$schema" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
fill postgresql postgresql
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
mkdir -p "$here/postgresql"
# INSERTs rather than COPY, and without psql's \restrict lines, so that a test can replay it over JDBC
{
    echo "-- made by make-fixtures.sh from feedimport $OLD_COMMIT: schema $schema as that release created and filled it"
    pg_dump -h 127.0.0.1 -U postgres -d test --schema="$schema" --no-owner --no-privileges --inserts | grep -v '^\\'
} > "$here/postgresql/feedimport.sql"
pgsql "DROP SCHEMA $schema CASCADE"
echo "fixtures written under $here"
