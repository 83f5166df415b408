package io.feedimport.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.publish.RecordMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowMapperTest {

    @TempDir
    Path dir;

    FeedDefinition feed;

    @BeforeEach
    void feedWithLookups() throws IOException {
        Path yaml = dir.resolve("offers.yml");
        Files.writeString(yaml, """
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:    { path: "@id", type: string }
                  agent: { path: agent, type: string, lookup: agents }
                  city:  { path: city, type: string, lookup: cities }
                target: { key: [id] }
                lookups:
                  agents: { table: agent, key: external_ref, value: id }
                  cities: { table: city, key: name, value: id, onMissing: null }
                """);
        feed = new FeedDefinitionLoader().load(yaml);
    }

    @Test
    void aFieldWithALookupIsStoredAsTheIdOfItsReferenceRowAndTheHashFollowsTheText() {
        RowMapper mapper = new RowMapper(feed, (lookup, raw) -> lookup.name().equals("agents") ? 7L : null);
        RowMapper otherIds = new RowMapper(feed, (lookup, raw) -> 99L);

        Row row = mapper.map(message("OF-1", "AG-007", "Sofia"));

        assertThat(row.values()).containsExactly("OF-1", 7L, null);
        assertThat(otherIds.map(message("OF-1", "AG-007", "Sofia")).hash()).isEqualTo(row.hash());
    }

    @Test
    void aLookupThatRejectsMakesTheRecordAMappingFailureUnderTheLookupRule() {
        RowMapper mapper = new RowMapper(feed, (lookup, raw) -> {
            throw new LookupRejectedException("lookup agents: no agent with external_ref '" + raw + "'");
        });

        assertThatThrownBy(() -> mapper.map(message("OF-1", "AG-404", "Sofia")))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.rule()).isEqualTo("lookup"))
                .hasMessage("lookup agents: no agent with external_ref 'AG-404'");
    }

    @Test
    void aMissingValueIsNotLookedUp() {
        RowMapper mapper = new RowMapper(feed, (lookup, raw) -> {
            throw new AssertionError("looked up " + raw);
        });

        assertThat(mapper.map(message("OF-1", null, null)).values()).containsExactly("OF-1", null, null);
    }

    private static RecordMessage message(String id, String agent, String city) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        if (agent != null) {
            values.put("agent", agent);
        }
        if (city != null) {
            values.put("city", city);
        }
        return new RecordMessage(1, "offers", 1, 3, id, values);
    }
}
