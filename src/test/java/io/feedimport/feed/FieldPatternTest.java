package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A field's pattern is RE2 syntax: what only a backtracking engine can run is refused when the definition loads. */
class FieldPatternTest {

    @TempDir
    Path dir;

    private final FeedDefinitionLoader loader = new FeedDefinitionLoader();

    @Test
    void aBackreferenceIsRefusedWithOneLineNamingFileFieldAndConstruct() throws IOException {
        Path file = definition("(\\\\w)\\\\1");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .hasMessage(file + ": fields.code.pattern: uses a backreference `\\1`, which only a backtracking engine can run;"
                        + " patterns are RE2 syntax and run in linear time");
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (?=x)x          | a lookahead `(?=`
            (?!x).          | a lookahead `(?!`
            (?<=x)a         | a lookbehind `(?<=`
            (?<!x)a         | a lookbehind `(?<!`
            a++             | a possessive quantifier `++`
            [0-9]{2}+       | a possessive quantifier `{2}+`
            (?>a+)b         | an atomic group `(?>`
            (?<n>a)\\\\k<n> | a backreference `\\k`
            """)
    void everyBacktrackingOnlyConstructIsRefusedByName(String pattern, String construct) throws IOException {
        Path file = definition(pattern);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .hasMessageStartingWith(file + ": fields.code.pattern: uses " + construct + ", which only a backtracking engine can run")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aJavaClassIntersectionIsRefusedRatherThanReadAsAmpersands() throws IOException {
        Path file = definition("[a-z&&[^e]]+");

        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": fields.code.pattern: uses a class intersection `&&`, which is Java syntax;"
                        + " RE2 would read it as the character '&'");
    }

    @Test
    void aBrokenPatternSaysWhatIsWrongInRe2Terms() throws IOException {
        Path file = definition("[a-");

        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ": fields.code.pattern: not a valid RE2 regular expression: missing closing ] `[a-`");
    }

    @Test
    void aPatternMatchesTheWholeValueAndInlineFlagsStillApply() throws IOException {
        FieldDefinition code = loader.load(definition("(?i)of-[0-9]{3}")).field("code").orElseThrow();

        assertThat(code.pattern().matcher("OF-123").matches()).isTrue();
        assertThat(code.pattern().matcher("OF-1234").matches()).as("the whole value, not a part of it").isFalse();
        assertThat(code.pattern().matcher("x OF-123").matches()).isFalse();
    }

    @Test
    void theShippedPatternsLoadAndKeepTheirMeaning() {
        FieldDefinition email = loader.load(Path.of("jobs/contacts-xlsx.yml")).field("email").orElseThrow();
        FieldDefinition id = loader.load(Path.of("jobs/offers-xml.yml")).field("id").orElseThrow();

        assertThat(email.pattern().matcher("ivo.petrov@example.bg").matches()).isTrue();
        assertThat(email.pattern().matcher("ivo petrov@example.bg").matches()).isFalse();
        assertThat(email.pattern().matcher("ivo@example").matches()).isFalse();
        assertThat(id.pattern().matcher("OF-000123").matches()).isTrue();
        assertThat(id.pattern().matcher("OF-12").matches()).isFalse();
        assertThat(loader.load(Path.of("jobs/offers-lookups.yml")).field("email").orElseThrow().pattern().pattern())
                .isEqualTo(email.pattern().pattern());
    }

    /** A definition whose field {@code code} has the pattern, written as it would appear inside YAML double quotes. */
    private Path definition(String quotedPattern) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "feed", ".yml"), """
                name: patterns
                format: { type: xml, record: /r/x }
                fields:
                  code: { path: "@code", type: string, pattern: "%s" }
                target: { key: [code] }
                """.formatted(quotedPattern));
    }
}
