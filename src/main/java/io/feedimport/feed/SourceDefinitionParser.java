package io.feedimport.feed;

import static java.util.Objects.requireNonNullElse;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.feedimport.feed.SourceDefinition.After;
import io.feedimport.feed.SourceDefinition.Ftp;
import io.feedimport.feed.SourceDefinition.Local;
import io.feedimport.feed.SourceDefinition.Location;
import io.feedimport.feed.SourceDefinition.Readiness;

/** Parses the {@code source} key: where a feed's files arrive and how they are picked up. */
final class SourceDefinitionParser {

    private static final Set<String> SOURCE = Set.of("ftp", "local", "pattern", "ready", "marker", "ignore", "after",
            "archiveDir", "failedDir", "pollEvery", "readyTimeout", "stableAfter");
    private static final Set<String> FTP = Set.of("host", "port", "user", "passwordEnv", "dir", "secure", "passive");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final YamlSection root;
    private final Path definitionFile;

    SourceDefinitionParser(YamlSection root, Path definitionFile) {
        this.root = root;
        this.definitionFile = definitionFile;
    }

    SourceDefinition source() {
        YamlSection source = root.section("source", false);
        if (source == null) {
            return null;
        }
        source.allowOnly(SOURCE);
        Location location = location(source);
        String pattern = glob(source, "pattern", requireNonNullElse(source.string("pattern", false), "*"));
        Readiness ready = choice(source, "ready", Readiness.values(), Readiness.STABLE);
        String marker = source.string("marker", false);
        if (marker != null && ready == Readiness.STABLE) {
            source.problem("marker", "only applies with ready: marker");
        } else if (marker != null && (marker.isEmpty() || marker.contains("/") || marker.contains("\\"))) {
            source.problem("marker", "expected a file name suffix such as .done, got '" + marker + "'");
        }
        List<String> ignore = requireNonNullElse(source.strings("ignore", false), SourceDefinition.DEFAULT_IGNORE);
        ignore.forEach(glob -> glob(source, "ignore", glob));
        Duration pollEvery = requireNonNullElse(Durations.parse(source, "pollEvery"), Duration.ofSeconds(60));
        Duration readyTimeout = requireNonNullElse(Durations.parse(source, "readyTimeout"), Duration.ofHours(1));
        if (pollEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            source.problem("pollEvery", "expected at least 1s, got '" + source.string("pollEvery", false) + "'");
        } else if (readyTimeout.compareTo(pollEvery) <= 0) {
            source.problem("readyTimeout", "is not longer than pollEvery (" + (pollEvery.toMillis() % 1000 == 0
                    ? pollEvery.toSeconds() + "s" : pollEvery.toMillis() + "ms") + "); every file would be reported before"
                    + " it could be found ready");
        }
        Duration stableAfter = Durations.parse(source, "stableAfter");
        if (stableAfter != null && ready == Readiness.MARKER) {
            source.problem("stableAfter", "only applies with ready: stable");
        }
        return new SourceDefinition(location, pattern, ready,
                ready == Readiness.MARKER ? requireNonNullElse(marker, ".done") : null, ignore,
                choice(source, "after", After.values(), After.ARCHIVE), folder(source, "archiveDir", "archive"),
                folder(source, "failedDir", "failed"), pollEvery, readyTimeout,
                ready == Readiness.STABLE ? requireNonNullElse(stableAfter, SourceDefinition.DEFAULT_STABLE_AFTER) : null);
    }

    private Location location(YamlSection source) {
        boolean ftp = source.has("ftp");
        if (ftp == source.has("local")) {
            source.problem(null, "expected exactly one of ftp or local, got " + (ftp ? "both" : "neither"));
            return null;
        }
        return ftp ? ftp(source.section("ftp", true)) : local(source.section("local", true));
    }

    private Ftp ftp(YamlSection ftp) {
        if (ftp == null) {
            return null;
        }
        allowOnlyRefusingPassword(ftp);
        String host = ftp.string("host", true);
        if (host != null && (host.isBlank() || host.contains("/") || host.chars().anyMatch(Character::isWhitespace))) {
            ftp.problem("host", "expected a host name or address such as ftp.example.com, without ftp:// or a path, got '"
                    + host + "'");
        }
        String passwordEnv = ftp.string("passwordEnv", false);
        if (passwordEnv != null && !ENV_NAME.matcher(passwordEnv).matches()) {
            ftp.problem("passwordEnv", "expected the name of an environment variable (letters, digits and '_', not starting"
                    + " with a digit) such as OFFERS_FTP_PASSWORD, got '" + passwordEnv + "'");
        }
        return new Ftp(host, requireNonNullElse(ftp.integer("port", 1, 65_535), 21),
                requireNonNullElse(ftp.string("user", false), "anonymous"), passwordEnv,
                requireNonNullElse(ftp.string("dir", false), "/"), ftp.bool("secure"), !ftp.has("passive") || ftp.bool("passive"));
    }

    /** A password written into the file gets its own line saying where secrets belong, not a second "unknown key". */
    private static void allowOnlyRefusingPassword(YamlSection ftp) {
        Map<Object, Object> others = new LinkedHashMap<>(ftp.entries());
        if (others.containsKey("password")) {
            others.remove("password");
            ftp.problem("password", "secrets are never written in a feed definition; they come from the environment:"
                    + " name the variable that holds the password with passwordEnv (e.g. passwordEnv: OFFERS_FTP_PASSWORD)");
        }
        List<DefinitionProblem> unknown = new ArrayList<>();
        new YamlSection("", "", others, unknown).allowOnly(FTP);
        unknown.forEach(problem -> ftp.problem(problem.key(), problem.message()));
    }

    private Local local(YamlSection local) {
        if (local == null) {
            return null;
        }
        local.allowOnly(Set.of("dir"));
        String dir = local.string("dir", true);
        try {
            if (dir != null && !dir.isBlank()) {
                // a relative folder follows the definition, not the directory the command happened to start in
                return new Local(definitionFile.toAbsolutePath().getParent().resolve(dir).normalize());
            }
            if (dir != null) {
                local.problem("dir", "expected a folder, got ''");
            }
        } catch (InvalidPathException e) {
            local.problem("dir", "is not a valid path: " + e.getReason());
        }
        return null;
    }

    private static String glob(YamlSection section, String key, String glob) {
        if (glob.isEmpty() || glob.contains("/") || glob.contains("\\")) {
            section.problem(key, "expected a glob on the file name alone, without '/' or '\\', such as *.xml, got '" + glob + "'");
        }
        return glob;
    }

    private static String folder(YamlSection section, String key, String fallback) {
        String folder = requireNonNullElse(section.string(key, false), fallback);
        if (folder.isBlank()) {
            section.problem(key, "expected a folder, relative to the drop folder or absolute, got '" + folder + "'");
        }
        return folder;
    }

    private static <E extends Enum<E>> E choice(YamlSection section, String key, E[] values, E fallback) {
        String text = section.string(key, false);
        List<String> names = Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
        if (text == null || names.contains(text)) {
            return text == null ? fallback : values[names.indexOf(text)];
        }
        section.problem(key, "expected " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1) + ", got '" + text + "'");
        return fallback;
    }
}
