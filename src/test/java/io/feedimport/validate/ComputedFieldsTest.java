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

/** A computed field's value comes from the record's valid values, and is then validated like one read from the file. */
class ComputedFieldsTest {

    static final List<String> FIELDS = List.of("id", "price", "area", "rooms", "city", "district", "pricePerM2", "halfRooms",
            "label", "large", "roomsAgain", "size");

    static RecordValidator validator;

    @BeforeAll
    static void definition(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("offers.yml"), """
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:         { path: "@id", type: string }
                  price:      { path: price, type: decimal }
                  area:       { path: area, type: decimal }
                  rooms:      { path: rooms, type: integer }
                  city:       { path: city, type: string }
                  district:   { path: district, type: string }
                  pricePerM2: { compute: "price / area", type: decimal, scale: 2, min: 1 }
                  halfRooms:  { compute: "rooms / 2", type: decimal }
                  label:      { compute: "city + ', ' + (district ?: '-')", type: string, maxLength: 20 }
                  large:      { compute: "rooms >= 4 and area > 100", type: boolean }
                  roomsAgain: { compute: "rooms * 1.5", type: integer }
                  size:       { compute: "area + ' m2'", type: string }
                target: { key: [id] }
                """);
        validator = new RecordValidator(new FeedDefinitionLoader().load(yaml));
    }

    @Test
    void computedValuesDivideAsDecimalsAndRoundToTheirScale() {
        CheckedRecord checked = check("OF-1", "125000", "73.5", "4", "Sofia", "Lozenets");

        assertThat(rules(checked)).isEmpty();
        assertThat(Arrays.stream(checked.values()).map(v -> v == null ? null : ValueParser.canonical(v))).containsExactly(
                "OF-1", "125000", "73.5", "4", "Sofia", "Lozenets", "1700.68", "2", "Sofia, Lozenets", "false", "6",
                "73.5 m2");
    }

    @Test
    void aMissingInputLeavesItsComputationMissingUnlessTheExpressionHandlesIt() {
        CheckedRecord checked = check("OF-1", null, "80", "3", "Sofia", null);

        assertThat(rules(checked)).isEqualTo(List.of("roomsAgain:type"));
        assertThat(checked.values()[6]).as("price / area without a price").isNull();
        assertThat(checked.values()[8]).isEqualTo("Sofia, -");
        assertThat(ValueParser.canonical(checked.values()[7])).as("rooms / 2, as decimals").isEqualTo("1.5");
    }

    @Test
    void aComputationThatFailsOnValuesItHasSkipsTheRecordSayingWhy() {
        CheckedRecord checked = check("OF-1", "1000", "0", "2", "Sofia", null);

        assertThat(checked.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("pricePerM2");
            assertThat(v.rule()).isEqualTo("compute");
            assertThat(v.message()).startsWith("pricePerM2 = price / area failed: ").containsIgnoringCase("zero");
        });
    }

    @Test
    void computedValuesMeetTheirTypeAndRules() {
        assertThat(rules(check("OF-1", "50", "100", "3", "Sofia", null))).containsExactly("pricePerM2:min", "roomsAgain:type");
        assertThat(rules(check("OF-1", "500", "100", "2", "Veliko Tarnovo", "Centre"))).containsExactly("label:maxLength");
    }

    @Test
    void aRecordAlreadyRefusedIsNotComputed() {
        assertThat(rules(check("OF-1", "many", "0", "2", "Sofia", null))).containsExactly("price:type");
    }

    private static List<String> rules(CheckedRecord checked) {
        return checked.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static CheckedRecord check(String... values) {
        String[] all = Arrays.copyOf(values, FIELDS.size());
        return validator.check(new SourceRecord("offers.xml", 1, 1, 1, FIELDS, all));
    }
}
