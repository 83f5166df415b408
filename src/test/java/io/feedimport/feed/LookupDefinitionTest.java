package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import io.feedimport.feed.LookupDefinition.Normalize;
import io.feedimport.feed.LookupDefinition.OnMissing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupDefinitionTest {

    private static LookupDefinition cities(Normalize normalize) {
        return new LookupDefinition("cities", "city", "name", "id", OnMissing.CREATE, normalize);
    }

    @Test
    void givenLowercaseTrimWhenNormalizingThenLowerCasedTrimmedAndInnerSpaceRunsCollapsed() {
        assertThat(cities(Normalize.LOWERCASE_TRIM).normalized("  São \t  PAULO\u00A0 ")).isEqualTo("são paulo");
    }

    @Test
    void givenLowercaseTrimAndATurkishDefaultLocaleWhenNormalizingThenLowerCasedByLocaleRoot() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(cities(Normalize.LOWERCASE_TRIM).normalized("ISTANBUL")).isEqualTo("istanbul");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void givenTrimWhenNormalizingThenOnlyTheEdgesAreTrimmed() {
        assertThat(cities(Normalize.TRIM).normalized("\u00A0 New  York ")).isEqualTo("New  York");
    }

    @Test
    void givenNoneWhenNormalizingThenTheValueIsUnchanged() {
        assertThat(cities(Normalize.NONE).normalized(" Paris ")).isEqualTo(" Paris ");
    }

    @Test
    void givenNoNormalizeDeclaredWhenDefiningThenNoneApplies() {
        assertThat(cities(null).normalize()).isEqualTo(Normalize.NONE);
    }

    @Test
    void givenANullValueWhenNormalizingThenNull() {
        assertThat(cities(Normalize.LOWERCASE_TRIM).normalized(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"city; DROP TABLE agent", "City", "1city", "public.city", "city name", ""})
    void givenATableThatIsNotAPlainIdentifierWhenDefiningThenRejectedWithTheLookupsName(String table) {
        assertThatThrownBy(() -> new LookupDefinition("cities", table, "name", "id", OnMissing.REJECT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lookup cities: table '" + table + "' is not a plain SQL identifier");
    }

    @Test
    void givenColumnsThatAreNotPlainIdentifiersWhenDefiningThenRejected() {
        assertThatThrownBy(() -> new LookupDefinition("cities", "city", "name--", "id", OnMissing.REJECT, null))
                .hasMessageStartingWith("lookup cities: key 'name--'");
        assertThatThrownBy(() -> new LookupDefinition("cities", "city", "name", "id)", OnMissing.REJECT, null))
                .hasMessageStartingWith("lookup cities: value 'id)'");
    }

    @Test
    void givenNoOnMissingWhenDefiningThenRejected() {
        assertThatThrownBy(() -> new LookupDefinition("cities", "city", "name", "id", null, null))
                .hasMessage("lookup cities: onMissing is required");
    }

    @Test
    void givenTwoLookupsOfOneTableWhenCachingThenTheyShareACacheName() {
        LookupDefinition feedA = new LookupDefinition("cities", "city", "name", "id", OnMissing.CREATE, Normalize.TRIM);
        LookupDefinition feedB = new LookupDefinition("town", "city", "name", "id", OnMissing.REJECT, Normalize.NONE);
        assertThat(feedA.cacheName()).isEqualTo(feedB.cacheName()).isEqualTo("city.name.id");
    }
}
