package io.feedimport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.FieldDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values cannot make a pattern run long: patterns run in time linear in the value, and a value longer than
 * maxLength is refused by its length before any pattern sees it. The bound is a guard, generous for a loaded machine
 * (RE2/J takes about 50 ms on the first case); Java's backtracking engine took over a minute on the first case and
 * did not end on the second.
 */
class PatternRuleTest {

    /** 200,000 characters that cost Java's engine time quadratic in their length under the shipped email pattern. */
    static final String HOSTILE_EMAIL = "a@" + ".".repeat(199_997) + " ";
    static final Duration GUARD = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void theShippedEmailPatternRefusesA200000CharacterValueQuickly() {
        FieldDefinition email = new FeedDefinitionLoader().load(Path.of("jobs/offers-xml.yml")).field("email").orElseThrow();
        assertThat(email.maxLength()).as("no maxLength in the sample: the pattern itself must be fast").isNull();

        List<String> rules = assertTimeoutPreemptively(GUARD, () -> rules(email, HOSTILE_EMAIL));

        assertThat(HOSTILE_EMAIL).hasSize(200_000);
        assertThat(rules).containsExactly("pattern");
    }

    @Test
    void nestedQuantifiersAnswerNoMatchQuickly() throws IOException {
        FieldDefinition code = field("pattern: \"^((a+)+)+$\"");

        assertThat(assertTimeoutPreemptively(GUARD, () -> rules(code, "a".repeat(40) + "b"))).containsExactly("pattern");
        assertThat(rules(code, "a".repeat(40))).isEmpty();
    }

    @Test
    void anOverLongValueIsRefusedByMaxLengthWithoutRunningThePattern() throws IOException {
        FieldDefinition email = field("maxLength: 254, pattern: \"^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$\"");
        List<Violation> violations = new ArrayList<>();

        assertTimeoutPreemptively(GUARD, () -> new FieldValidator(email, false).check(HOSTILE_EMAIL, violations));

        assertThat(violations).extracting(Violation::rule).containsExactly("maxLength");
        assertThat(violations.get(0).message()).isEqualTo("code has 200000 characters, at most 254 allowed");
        assertThat(rules(email, "a@b")).containsExactly("pattern");
    }

    private static List<String> rules(FieldDefinition field, String value) {
        List<Violation> violations = new ArrayList<>();
        new FieldValidator(field, false).check(value, violations);
        return violations.stream().map(Violation::rule).toList();
    }

    private FieldDefinition field(String rules) throws IOException {
        Path yaml = Files.writeString(dir.resolve("patterns.yml"), """
                name: patterns
                format: { type: xml, record: /r/x }
                fields:
                  code: { path: "@code", type: string, %s }
                target: { key: [code] }
                """.formatted(rules));
        return new FeedDefinitionLoader().load(yaml).field("code").orElseThrow();
    }
}
