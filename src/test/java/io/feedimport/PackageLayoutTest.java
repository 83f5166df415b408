package io.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout promised in the README's "How the code is laid out": packages follow the data's path, each package says
 * what it holds, and a class does one job. Read from the sources, so a new import that breaks the order fails here
 * with the file and the import, not in a review.
 */
class PackageLayoutTest {

    private static final Path SOURCES = Path.of("src/main/java/io/feedimport");

    /**
     * Where each package sits. Lower numbers come first: a package may use any package with a lower or equal number.
     * support, feed and monitoring serve every stage; the stages follow in the order a record passes them; the
     * application, the CLI and the review page sit on top of everything.
     */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("support", 0), Map.entry("feed", 1), Map.entry("monitoring", 2),
            Map.entry("schedule", 10), Map.entry("source", 11), Map.entry("run", 12), Map.entry("read", 13),
            Map.entry("validate", 14), Map.entry("report", 15), Map.entry("delta", 15), Map.entry("publish", 16), Map.entry("withdraw", 16),
            Map.entry("transport", 17),
            Map.entry("transport.rabbit", 17), Map.entry("consume", 18), Map.entry("mapping", 19),
            Map.entry("reference", 20), Map.entry("store", 21),
            Map.entry("", 30), Map.entry("review", 30), Map.entry("generate", 30), Map.entry("bench", 30),
            Map.entry("cli", 31));

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.feedimport\\.([a-z.]*?)\\.?[A-Z]\\w*");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final String DOWN_THE_PATH = "further down the data's path:";

    @Test
    void everyPackageHasARankOnTheDataPath() {
        assertThat(packages()).allSatisfy(name -> assertThat(RANK).as("rank of package '%s'", name).containsKey(name));
    }

    @Test
    void noPackageUsesOneFurtherDownThePathUnlessItsPackageInfoSaysWhy() {
        List<String> unexplained = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = packageOf(file);
            String explained = explainedDownwardUses(from);
            for (String to : usedPackages(file)) {
                if (RANK.getOrDefault(to, 99) > RANK.getOrDefault(from, 99)
                        && !explained.contains("{@code io.feedimport." + to + "}")) {
                    unexplained.add(SOURCES.relativize(file) + " uses io.feedimport." + to);
                }
            }
        }
        assertThat(unexplained).as("uses of packages further down the data's path, not named in the user's"
                + " package-info under '" + DOWN_THE_PATH + "'").isEmpty();
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        assertThat(packages()).allSatisfy(name -> {
            Path info = SOURCES.resolve(name.replace('.', '/')).resolve("package-info.java");
            assertThat(info).as("package-info of '%s'", name).exists();
            assertThat(read(info)).as("package-info of '%s'", name).contains("/**");
        });
    }

    @Test
    void noClassIsOverTwoHundredLines() {
        List<String> long_ = javaFiles().stream().filter(file -> lines(file) > 200)
                .map(file -> SOURCES.relativize(file) + " (" + lines(file) + " lines)").toList();
        assertThat(long_).as("classes over 200 lines").isEmpty();
    }

    @Test
    void theRuleSeesAUseOfAPackageFurtherDown() {
        assertThat(usedPackagesIn("package io.feedimport.run;\nimport io.feedimport.store.EntityTable;\n"
                + "/** {@link io.feedimport.cli.Main} */ class X { io.feedimport.consume.Outcome o; }"))
                .containsExactlyInAnyOrder("store", "consume");
    }

    private static Set<String> usedPackages(Path file) {
        return usedPackagesIn(read(file));
    }

    private static Set<String> usedPackagesIn(String source) {
        String code = COMMENT.matcher(source).replaceAll(" ").replaceFirst("package [\\w.]+;", "");
        Set<String> used = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(code);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used;
    }

    /** The part of a package's package-info that lists, with reasons, the packages further down it uses. */
    private static String explainedDownwardUses(String name) {
        Path info = SOURCES.resolve(name.replace('.', '/')).resolve("package-info.java");
        if (!Files.exists(info)) {
            return "";
        }
        String text = read(info);
        int at = text.indexOf(DOWN_THE_PATH);
        return at < 0 ? "" : text.substring(at);
    }

    private static Set<String> packages() {
        Set<String> names = new TreeSet<>();
        javaFiles().forEach(file -> names.add(packageOf(file)));
        return names;
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
