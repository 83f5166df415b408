package io.feedimport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.ValueParser;
import io.feedimport.read.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field's transforms, map and default come before its type and rules: what they produce is validated. */
class PreparedValuesTest {

    static final List<String> FIELDS = List.of("id", "kind", "rooms", "title", "phone", "region");

    static RecordValidator validator;

    @BeforeAll
    static void definition(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("offers.yml"), """
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:     { path: "@id", type: string }
                  kind:   { path: objektart, type: enum, values: [APARTMENT, HOUSE], required: true, transform: [trim, upper], map: { WHG: APARTMENT, HAUS: HOUSE }, unmapped: reject }
                  rooms:  { path: rooms, type: integer, min: 1, default: 1, transform: [digits] }
                  title:  { path: title, type: string, maxLength: 12, transform: [collapseSpaces] }
                  phone:  { path: phone, type: string, minLength: 6, transform: [digits] }
                  region: { path: region, type: string, required: true, map: { "01": North, "02": South }, unmapped: missing }
                target: { key: [id] }
                """);
        validator = new RecordValidator(new FeedDefinitionLoader().load(yaml));
    }

    @Test
    void preparedValuesAreValidatedAndStored() {
        CheckedRecord checked = check("OF-1", " whg ", "3 rooms", "Sunny \t flat", "+359 (2) 123", "01");

        assertThat(checked.violations()).isEmpty();
        assertThat(Arrays.stream(checked.values()).map(ValueParser::canonical))
                .containsExactly("OF-1", "APARTMENT", "3", "Sunny flat", "3592123", "North");
    }

    @Test
    void aMissingValueTakesTheDefaultAndTheDefaultIsValidatedLikeAnyValue() {
        assertThat(check("OF-1", "HAUS", null, null, null, "02").values()[2]).isEqualTo(1L);
        assertThat(check("OF-1", "HAUS", "none", null, null, "02").values()[2]).as("digits leave nothing: missing").isEqualTo(1L);
        assertThat(rules(check("OF-1", "HAUS", "0", null, null, "02"))).containsExactly("rooms:min");
    }

    @Test
    void aValueTheMapRejectsSkipsTheRecordNamingTheValueAsReadAndAsLookedUp() {
        CheckedRecord checked = check("OF-1", " villa", null, null, null, "01");

        assertThat(checked.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("map");
            assertThat(v.field()).isEqualTo("kind");
            assertThat(v.value()).isEqualTo(" villa");
            assertThat(v.message()).isEqualTo("kind ' villa' (VILLA) is not in its map");
        });
    }

    @Test
    void aValueTheMapTurnsMissingMeetsTheFieldsRequiredRule() {
        assertThat(rules(check("OF-1", "WHG", null, null, null, "99"))).containsExactly("region:required");
    }

    @Test
    void rulesJudgeTheTransformedValue() {
        assertThat(rules(check("OF-1", "WHG", null, "a   very    long   title", "12-34", "01")))
                .containsExactly("title:maxLength", "phone:minLength");
        assertThat(check("OF-1", "WHG", null, "a   short   one", null, "01").valid()).isTrue();
    }

    private static List<String> rules(CheckedRecord checked) {
        return checked.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static CheckedRecord check(String... values) {
        return validator.check(new SourceRecord("offers.xml", 1, 1, 1, FIELDS, values));
    }
}
