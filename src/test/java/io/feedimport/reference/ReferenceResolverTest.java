package io.feedimport.reference;

import io.feedimport.feed.LookupDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.feedimport.feed.LookupDefinition.Normalize;
import io.feedimport.feed.LookupDefinition.OnMissing;
import io.feedimport.reference.Resolution.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The resolver over H2 and the in-process cache, with a clock moved by hand. */
class ReferenceResolverTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final LookupDefinition AGENTS =
            new LookupDefinition("agents", "agent", "external_ref", "id", OnMissing.REJECT, Normalize.TRIM);
    private static final LookupDefinition CITIES =
            new LookupDefinition("cities", "city", "name", "id", OnMissing.CREATE, Normalize.LOWERCASE_TRIM);

    private final MutableClock clock = new MutableClock();
    private HikariDataSource database;
    private JdbcTemplate jdbc;
    private ReferenceResolver resolver;

    @BeforeEach
    void givenAnAgentTable() {
        database = H2Database.create();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE agent (id BIGINT PRIMARY KEY, external_ref VARCHAR(100), name VARCHAR(100))");
        jdbc.update("INSERT INTO agent (id, external_ref, name) VALUES (1, 'A-1', 'Ann'), (2, 'A-2', 'Bob')");
        resolver = new ReferenceResolver(new ReferenceTable(jdbc), new LocalLookupCache(TTL, clock));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void givenAnExistingAgentWhenResolvingThenFoundWithItsId() {
        assertThat(resolver.resolve(AGENTS, " A-2 ")).isEqualTo(Resolution.found(2));
    }

    @Test
    void givenAnUnknownAgentAndOnMissingRejectWhenResolvingThenRejectedWithAReasonNamingLookupTableColumnAndValue() {
        assertThat(resolver.resolve(AGENTS, "A-9")).isEqualTo(
                Resolution.rejected("lookup agents: no agent with external_ref 'A-9'"));
    }

    @Test
    void givenAVeryLongUnknownValueWhenRejectedThenTheReasonShowsItsFirst100Characters() {
        String reason = resolver.resolve(AGENTS, "x".repeat(250)).reason();
        assertThat(reason).isEqualTo("lookup agents: no agent with external_ref '" + "x".repeat(100) + "...'");
    }

    @Test
    void givenAnUnknownAgentAndOnMissingNullWhenResolvingThenNullWithTheReason() {
        LookupDefinition optional = new LookupDefinition("agents", "agent", "external_ref", "id", OnMissing.NULL, null);
        Resolution resolution = resolver.resolve(optional, "A-9");
        assertThat(resolution.kind()).isEqualTo(Kind.NULL);
        assertThat(resolution.value()).isNull();
        assertThat(resolution.reason()).isEqualTo("lookup agents: no agent with external_ref 'A-9'");
    }

    @Test
    void givenNullOrBlankValuesWhenResolvingThenNullWithoutLookingAnythingUp() {
        assertThat(resolver.resolve(AGENTS, null)).isEqualTo(Resolution.nullValue(null));
        assertThat(resolver.resolve(AGENTS, "   ")).isEqualTo(Resolution.nullValue(null));
        assertThat(resolver.resolve(CITIES, "\t")).isEqualTo(Resolution.nullValue(null));
        assertThat(resolver.stats().databaseLoads()).isZero();
    }

    @Test
    void givenOnMissingCreateAndNoCityTableWhenResolvingANewCityThenTheTableAndOneRowAreCreated() {
        Resolution first = resolver.resolve(CITIES, "Paris");
        assertThat(first.kind()).isEqualTo(Kind.CREATED);
        assertThat(resolver.resolve(CITIES, "Paris")).isEqualTo(Resolution.found(first.value()));
        assertThat(jdbc.queryForList("SELECT name FROM city", String.class)).containsExactly("paris");
        assertThat(resolver.stats().created()).isEqualTo(1);
    }

    @Test
    void givenLowercaseTrimWhenResolvingVariantsOfOneCityNameThenAllGetTheSameRow() {
        long id = resolver.resolve(CITIES, "  São   Paulo ").value();
        assertThat(resolver.resolve(CITIES, "SÃO PAULO").value()).isEqualTo(id);
        assertThat(resolver.resolve(CITIES, "são paulo").value()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM city", Integer.class)).isEqualTo(1);
    }

    @Test
    void givenAValueLoadedOnceWhenResolvingItAgainThenItIsServedFromTheCacheWithoutADatabaseLoad() {
        resolver.resolve(AGENTS, "A-1");
        resolver.resolve(AGENTS, "A-1");
        resolver.resolve(AGENTS, "A-1");
        CacheStats stats = resolver.stats();
        assertThat(stats.databaseLoads()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.redisHits()).isZero();
    }

    @Test
    void givenAMissWhenTheAgentIsAddedLaterThenItIsFoundAtOnceBecauseMissesAreNotCached() {
        assertThat(resolver.resolve(AGENTS, "A-3").isRejected()).isTrue();
        jdbc.update("INSERT INTO agent (id, external_ref) VALUES (3, 'A-3')");
        assertThat(resolver.resolve(AGENTS, "A-3")).isEqualTo(Resolution.found(3));
    }

    @Test
    void givenACachedValueChangedInTheTableWhenTheTtlHasNotPassedThenTheCachedValueIsServed() {
        resolver.resolve(AGENTS, "A-1");
        moveA1ToAgent7();
        clock.advance(TTL.minusSeconds(1));
        assertThat(resolver.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(1));
    }

    @Test
    void givenACachedValueChangedInTheTableWhenTheTtlHasPassedThenTheNewValueIsSeen() {
        resolver.resolve(AGENTS, "A-1");
        moveA1ToAgent7();
        clock.advance(TTL);
        assertThat(resolver.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(7));
    }

    @Test
    void givenACachedValueChangedInTheTableWhenTheLookupIsEvictedThenTheNewValueIsSeenAtOnce() {
        resolver.resolve(AGENTS, "A-1");
        moveA1ToAgent7();
        resolver.evict(AGENTS);
        assertThat(resolver.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(7));
    }

    @Test
    void givenACityNameTooLongForTheCreatedTableWhenCreatingThenRejectedWithTheDatabasesReason() {
        Resolution resolution = resolver.resolve(CITIES, "y".repeat(600));
        assertThat(resolution.isRejected()).isTrue();
        assertThat(resolution.reason()).startsWith("lookup cities: could not create city with name '" + "y".repeat(100)
                + "...': ");
    }

    @Test
    void givenAValueColumnThatIsNotAnIntegerWhenFirstResolvingThenAClearErrorNamesTableAndColumn() {
        LookupDefinition byName = new LookupDefinition("agents", "agent", "external_ref", "name", OnMissing.REJECT, null);
        assertThatThrownBy(() -> resolver.resolve(byName, "A-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("lookup agents: value column agent.name is CHARACTER VARYING,"
                        + " but a lookup's value must be an integer id (BIGINT)");
    }

    @Test
    void givenAKeyColumnThatIsNotTextWhenFirstResolvingThenAClearErrorNamesTableAndColumn() {
        LookupDefinition byId = new LookupDefinition("agents", "agent", "id", "id", OnMissing.REJECT, null);
        assertThatThrownBy(() -> resolver.resolve(byId, "1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("lookup agents: key column agent.id is BIGINT, but lookup keys are text");
    }

    @Test
    void givenNoSuchTableAndOnMissingRejectWhenFirstResolvingThenAClearErrorNamesTheTable() {
        LookupDefinition vendors = new LookupDefinition("vendors", "vendor", "code", "id", OnMissing.REJECT, null);
        assertThatThrownBy(() -> resolver.resolve(vendors, "V-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("lookup vendors: cannot read vendor.code and vendor.id: ")
                .hasMessageContaining("VENDOR");
    }

    private void moveA1ToAgent7() {
        jdbc.update("UPDATE agent SET external_ref = 'A-1-old' WHERE id = 1");
        jdbc.update("INSERT INTO agent (id, external_ref) VALUES (7, 'A-1')");
    }
}
