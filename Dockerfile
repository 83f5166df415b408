# Build stage: `mvn package` as on a developer's machine. After the jar, exec-maven-plugin runs scripts/cds.sh, which
# extracts it to target/app and trains on the sample import (jobs/offers-xml.yml, sample-feeds/offers.xml), so those
# three files are copied too. scripts/docker-build-check.sh replays this file without a Docker engine (the test
# command runs it): a file `mvn package` reads that no COPY line names fails there as it fails here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
COPY scripts/cds.sh ./scripts/
COPY jobs/offers-xml.yml ./jobs/
COPY sample-feeds/offers.xml ./sample-feeds/
RUN mvn -B -q -DskipTests package

# Runtime stage: `docker run IMAGE <command> [options]` runs `feedimport <command> [options]` in /app, as ./feedimport
# does: from the extracted jar with a class data sharing archive (about half the start-up), JVM options from
# FEEDIMPORT_JAVA_OPTS. Relative paths (jobs/..., sample-feeds/...) resolve against /app; /app/data is the data dir.
FROM eclipse-temurin:17-jre
WORKDIR /app
# a user of its own, not root; it owns only the data dir. Group 0 may write there too, so the container also runs
# under any uid given with `user: UID:0` (docker-compose.yml's FEEDIMPORT_UID, to write a bind-mounted ./drop).
RUN useradd --system --uid 10001 --gid 0 --home-dir /app/data --no-create-home --shell /usr/sbin/nologin feedimport \
 && mkdir -p /app/data && chown 10001:0 /app/data && chmod 2775 /app/data
COPY --from=build /src/target/app/feedimport.jar /app/feedimport.jar
COPY --from=build /src/target/app/lib /app/lib
COPY jobs /app/jobs
COPY sample-feeds /app/sample-feeds
# The archive is recorded here, by this image's JVM, not copied from the build stage: an archive only maps into the
# very JVM build that wrote it, with the same base archive and modules file (this image's JRE made its own with
# -Xshare:dump), and the JDK of the maven image is not that JVM. Anything else ignores the archive silently (its
# log lines are off below) and the speed-up is gone. So the same training import as scripts/cds.sh, run once here.
RUN java -XX:ArchiveClassesAtExit=/app/feedimport.jsa -Dfeedimport.data-dir=/app/cds-training \
      -jar /app/feedimport.jar run jobs/offers-xml.yml --file sample-feeds/offers.xml \
 && test -s /app/feedimport.jsa && rm -rf /app/cds-training
# Containers log to stdout (docker logs, a log shipper), not to a file in the data dir: no two containers share
# one. LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs (or logstash, gelf) makes each line one JSON object.
ENV FEEDIMPORT_JAVA_OPTS="" LOGGING_FILE_NAME="" LOGGING_THRESHOLD_CONSOLE=info
USER 10001
# exec: the JVM is PID 1 and receives docker stop's SIGTERM. Options as the launcher's (the throughput collector unless
# FEEDIMPORT_JAVA_OPTS names another), cds logging off so a JSON summary (--json) stays the last line of stdout.
ENTRYPOINT ["/bin/sh", "-c", "case \"$FEEDIMPORT_JAVA_OPTS\" in *-XX:+Use*GC*) gc= ;; *) gc=-XX:+UseParallelGC ;; esac; exec java -XX:SharedArchiveFile=/app/feedimport.jsa -Xlog:cds=off,cds+dynamic=off $gc $FEEDIMPORT_JAVA_OPTS -Dfeedimport.data-dir=/app/data -jar /app/feedimport.jar \"$@\"", "feedimport"]
