package io.feedimport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.ValueParser;
import io.feedimport.read.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordValidatorTest {

    static final List<String> FIELDS = List.of("id", "name", "price", "rooms", "active", "since", "updated", "kind", "email");

    static RecordValidator validator;

    @BeforeAll
    static void definition(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("test.yml");
        Files.writeString(yaml, """
                name: test
                format: { type: xml, record: /r/x }
                fields:
                  id:      { path: "@id", type: string }
                  name:    { path: name, type: string, required: true, minLength: 2, maxLength: 5 }
                  price:   { path: price, type: decimal, min: 0, max: "1000.5" }
                  rooms:   { path: rooms, type: integer, min: 1, max: 10 }
                  active:  { path: active, type: boolean }
                  since:   { path: since, type: date, format: "dd.MM.yyyy", min: "2000-01-01" }
                  updated: { path: updated, type: datetime }
                  kind:    { path: kind, type: enum, values: [sale, rent] }
                  email:   { path: email, type: string, pattern: "^[^@]+@[^@]+$" }
                target: { key: [id], version: updated }
                """);
        validator = new RecordValidator(new FeedDefinitionLoader().load(yaml));
    }

    @Test
    void aValidRecordComesOutInCanonicalForm() {
        CheckedRecord checked = check("A-1", "Ivo", "100.50", "+3", "yes", "31.12.2020", "2026-11-02T08:30:00+02:00", "sale", "a@b");

        assertThat(checked.valid()).isTrue();
        assertThat(checked.key()).isEqualTo("A-1");
        assertThat(Arrays.stream(checked.values()).map(ValueParser::canonical))
                .containsExactly("A-1", "Ivo", "100.5", "3", "true", "2020-12-31", "2026-11-02T06:30Z", "sale", "a@b");
    }

    @Test
    void missingOptionalFieldsAreNull() {
        CheckedRecord checked = check("A-1", "Ivo", null, null, null, null, "2026-11-02T08:30:00", null, null);

        assertThat(checked.valid()).isTrue();
        assertThat(ValueParser.canonical(checked.values()[6])).isEqualTo("2026-11-02T08:30Z");
        assertThat(Arrays.stream(checked.values()).filter(v -> v == null).count()).isEqualTo(6);
    }

    @Test
    void keyAndVersionFieldsAreRequiredEvenIfNotDeclaredSo() {
        assertThat(rules(check(null, "Ivo", null, null, null, null, null, null, null)))
                .containsExactly("id:required", "updated:required");
    }

    @Test
    void everyTypeRefusesTextThatIsNotOfIt() {
        CheckedRecord checked = check("A-1", "Ivo", "12,50", "three", "maybe", "2020-12-31", "yesterday", "sale", "a@b");

        assertThat(rules(checked)).containsExactly("price:type", "rooms:type", "active:type", "since:type", "updated:type");
        assertThat(checked.violations().get(0).message()).isEqualTo("price is not a decimal number");
        assertThat(checked.violations().get(0).value()).isEqualTo("12,50");
    }

    @Test
    void aDecimalInExponentNotationTooLargeToWriteOutIsATypeViolation() {
        CheckedRecord checked = check("A-1", "Ivo", "1E999999999", null, null, null, "2026-01-01T00:00:00Z", null, null);

        assertThat(rules(checked)).containsExactly("price:type");
        assertThat(checked.violations().get(0).message()).isEqualTo("price is a decimal number too large or too precise to store");
        assertThat((java.math.BigDecimal) check("A-1", "Ivo", "1.5E2", null, null, null, "2026-01-01T00:00:00Z", null, null).values()[2])
                .isEqualByComparingTo("150");
    }

    @Test
    void everyRuleIsCheckedAndAllViolationsOfARecordAreReported() {
        CheckedRecord checked = check("A-1", "Ivanka", "1000.51", "0", "true", "31.12.1999", "2026-01-01T00:00:00Z", "swap", "nope");

        assertThat(rules(checked)).containsExactly("name:maxLength", "price:max", "rooms:min", "since:min", "kind:values", "email:pattern");
        assertThat(checked.violations()).extracting(Violation::message).contains(
                "name has 6 characters, at most 5 allowed", "price must be at most 1000.5", "rooms must be at least 1",
                "kind must be one of sale, rent", "email does not match ^[^@]+@[^@]+$");
        assertThat(rules(check("A-1", "I", "-0.01", "11", null, null, "2026-01-01T00:00:00Z", null, null)))
                .containsExactly("name:minLength", "price:min", "rooms:max");
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        assertThat(check("A-1", "Търно", null, null, null, null, "2026-01-01T00:00:00Z", null, null).valid()).isTrue();
    }

    @Test
    void offendingValuesAreTruncatedForTheReport() {
        CheckedRecord checked = check("A-1", "x".repeat(500), null, null, null, null, "2026-01-01T00:00:00Z", null, null);

        assertThat(checked.violations().get(0).value()).hasSize(Violation.MAX_VALUE_LENGTH + 1).endsWith("…");
    }

    private static List<String> rules(CheckedRecord checked) {
        return checked.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static CheckedRecord check(String... values) {
        return validator.check(new SourceRecord("test.xml", 1, 1, 1, FIELDS, values));
    }
}
