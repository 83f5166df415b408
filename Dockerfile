# Build stage: package the Spring Boot jar (target/feedimport.jar).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: `docker run IMAGE <command> [options]` runs `feedimport <command> [options]` in /app.
# Relative paths (jobs/..., sample-feeds/...) resolve against /app; logs and skip reports go to /app/data.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/feedimport.jar /app/feedimport.jar
ENTRYPOINT ["java", "-Dfeedimport.data-dir=/app/data", "-jar", "/app/feedimport.jar"]
