package io.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedimport.feed.FormatDefinition;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as the README describes it: the stack a new user starts first. (That the image builds and starts
 * is scripts/docker-build-check.sh's job; this reads the compose file and the documents beside it.)
 */
class DeploymentTest {

    private static final Set<String> BACKING = Set.of("postgres", "redis", "rabbitmq");

    private final String composeText = read("docker-compose.yml");
    private final Map<String, Map<String, Object>> services = services(composeText);

    @Test
    void theDaemonAndTheWorkersListenSoTheirHealthAndMetricsExistAndTheirHealthCheckAsksThem() {
        List<String> checked = new ArrayList<>();
        services.forEach((name, service) -> {
            List<String> command = strings(service.get("command"));
            if (command.isEmpty() || !Set.of("daemon", "worker").contains(command.get(0))) {
                return;
            }
            assertThat(command).as(name + " listens").contains("--port");
            String port = command.get(command.indexOf("--port") + 1);
            String healthcheck = String.join(" ", strings(map(service.get("healthcheck")).get("test")));
            assertThat(healthcheck).as(name + "'s health check")
                    .contains("127.0.0.1:" + port + "/actuator/health")
                    .doesNotContain("/proc/net/tcp");
            checked.add(name);
        });
        assertThat(checked).containsExactlyInAnyOrder("scheduler", "worker-1", "worker-2");
    }

    @Test
    void everyPublishedPortIsOnLoopbackOnly() {
        services.forEach((name, service) -> strings(service.get("ports")).forEach(port ->
                assertThat(port).as(name + " publishes " + port).startsWith("127.0.0.1:")));
        assertThat(services.keySet()).containsAll(BACKING);
        BACKING.forEach(name -> assertThat(strings(services.get(name).get("ports"))).as(name).isNotEmpty());
    }

    @Test
    void rabbitMqKeepsItsDataOnANamedVolumeUnderAFixedNodeName() {
        Map<String, Object> rabbitmq = services.get("rabbitmq");

        assertThat(strings(rabbitmq.get("volumes"))).anySatisfy(volume -> {
            String[] parts = volume.split(":");
            assertThat(parts[1]).isEqualTo("/var/lib/rabbitmq");
            assertThat(map(new Yaml().<Map<String, Object>>load(composeText).get("volumes"))).containsKey(parts[0]);
        });
        // the data directory is named after the node, rabbit@HOSTNAME: a new container id would start it empty
        assertThat(rabbitmq.get("hostname")).isEqualTo("rabbitmq");
    }

    @Test
    void noTwoContainersShareADataDirectoryOrALogFile() {
        Map<String, String> dataMounts = new java.util.HashMap<>();
        services.forEach((name, service) -> strings(service.get("volumes")).forEach(volume -> {
            String[] parts = volume.split(":");
            if (parts[1].equals("/app/data")) {
                assertThat(dataMounts.put(parts[0], name)).as(parts[0] + " mounted at /app/data by " + name).isNull();
            }
        }));
        assertThat(composeText).doesNotContainIgnoringCase("LOGGING_FILE_NAME: ./").doesNotContain("feedimport.log");
    }

    @Test
    void everyVariableTheStackReadsIsInEnvExampleAndTheReadmePointsThere() {
        String example = read(".env.example");
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(composeText);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }

        assertThat(variables).contains("FEEDIMPORT_WEB_TOKEN", "SENTRY_DSN", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        variables.forEach(variable -> assertThat(example).as(".env.example documents " + variable)
                .containsPattern("(?m)^#? ?" + variable + "="));
        assertThat(read("README.md")).contains(".env.example").contains("FEEDIMPORT_WEB_TOKEN");
    }

    @Test
    void theDocumentsBesideTheStackMakeNoStaleClaims() {
        assertThat(composeText).doesNotContain("not used by the engine");
        String formatType = read("jobs/README.md").lines().filter(line -> line.trim().startsWith("type:"))
                .findFirst().orElseThrow();
        assertThat(formatType).contains(FormatDefinition.XML, FormatDefinition.XLSX, FormatDefinition.XLS)
                .doesNotContain("later");
    }

    private static Map<String, Map<String, Object>> services(String compose) {
        Map<String, Map<String, Object>> services = new java.util.LinkedHashMap<>();
        map(new Yaml().<Map<String, Object>>load(compose).get("services"))
                .forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
