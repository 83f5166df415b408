package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedDefinitionLoaderTest {

    @TempDir
    Path dir;

    private final FeedDefinitionLoader loader = new FeedDefinitionLoader();

    @Test
    void theSampleOffersDefinitionLoads() {
        FeedDefinition feed = loader.load(Path.of("jobs/offers-xml.yml"));

        assertThat(feed.name()).isEqualTo("offers");
        assertThat(feed.format().recordPath()).isEqualTo("/feed/offers/offer");
        assertThat(((XmlFormat) feed.format()).autoEncoding()).isTrue();
        assertThat(feed.target().table()).isEqualTo("offer");
        assertThat(feed.target().key()).containsExactly("id");
        assertThat(feed.target().version()).isEqualTo("updatedAt");
        assertThat(feed.skipLimit().maxPercent()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(feed.field("currency").orElseThrow().values()).containsExactly("EUR", "BGN", "USD");
        assertThat(feed.field("agentId").orElseThrow().column()).isEqualTo("agent_id");
        assertThat(feed.pickup().location()).as("its drop folder, relative to the definition")
                .isEqualTo(new SourceDefinition.Local(Path.of("drop/offers").toAbsolutePath()));
    }

    @Test
    void theIssueExampleDefinitionLoads() throws IOException {
        FeedDefinition feed = loader.load(write("""
                name: offers
                format:
                  type: xml
                  record: /feed/offers/offer
                  encoding: auto
                fields:
                  id:        { path: "@id", type: string, required: true }
                  title:     { path: title, type: string, required: true, maxLength: 200 }
                  price:     { path: price, type: decimal, min: 0 }
                  currency:  { path: price/@currency, type: enum, values: [EUR, BGN, USD] }
                  rooms:     { path: rooms, type: integer, min: 0, max: 100 }
                  updatedAt: { path: updated, type: datetime, required: true }
                  email:     { path: agent/email, type: string, pattern: "^[^@\\\\s]+@[^@\\\\s]+$" }
                target:
                  table: offer
                  key: [id]
                  version: updatedAt
                """));

        assertThat(feed.fields()).extracting(FieldDefinition::name)
                .containsExactly("id", "title", "price", "currency", "rooms", "updatedAt", "email");
        assertThat(feed.field("email").orElseThrow().pattern().matcher("a@b").matches()).isTrue();
        assertThat(feed.chunkSize()).isEqualTo(500);
        assertThat(feed.skipLimit()).isEqualTo(SkipLimit.NONE);
    }

    @Test
    void everyProblemOfAFileIsReportedWithItsKeyPath() throws IOException {
        Path file = write("""
                name: offers
                colour: blue
                format:
                  type: xml
                fields:
                  id:    { path: "@id", type: strin }
                  title: { path: title, type: string, min: 3 }
                  rooms: { path: rooms, type: integer, maxLength: 4 }
                  price: { path: price, type: decimal, pattern: "[0-9]+" }
                  kind:  { path: "@kind", type: enum }
                  name:  { path: name, type: string, values: [a, b] }
                  when:  { path: when, type: date, min: yesterday }
                target:
                  table: offer
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidFeedDefinitionException) e).problems())
                        .extracting(DefinitionProblem::key)
                        .contains("colour", "format.record", "fields.id.type", "fields.title.min", "fields.rooms.maxLength",
                                "fields.price.pattern", "fields.kind.values", "fields.name.values", "fields.when.min",
                                "target.key"))
                .hasMessageContaining(file + ": colour: unknown key")
                .hasMessageContaining(file + ": fields.id.type: unknown type 'strin'")
                .hasMessageContaining(file + ": format.record: is required");
    }

    @Test
    void missingNameFormatAndTargetAreEachReported() throws IOException {
        Path file = write("fields:\n  id: { path: \"@id\", type: string }\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidFeedDefinitionException) e).problems()).extracting(DefinitionProblem::key)
                        .containsExactlyInAnyOrder("name", "format", "target"));
    }

    @Test
    void keyAndVersionMustNameFieldsOfTheFeed() throws IOException {
        Path file = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:   { path: "@id", type: string }
                  flag: { path: flag, type: boolean }
                target: { key: [code], version: flag }
                """);

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageContaining("target.key: 'code' is not a field of this feed")
                .hasMessageContaining("target.version: field 'flag' is boolean");
    }

    @Test
    void deliveryTellsHowRecordsTravelToWorkersAndDefaultsWhenAbsent() throws IOException {
        FeedDefinition feed = loader.load(write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id: { path: "@id", type: string }
                target: { key: [id] }
                delivery:
                  consumers: 4
                  prefetch: 50
                  maxRetries: 3
                  backoff: 30s
                  backoffMax: 2m
                  timeout: 120s
                  rateLimit: 200/s
                  queue: quorum
                """));

        DeliveryDefinition delivery = feed.delivery();
        assertThat(delivery).isEqualTo(new DeliveryDefinition(4, 50, 3, Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(120), 200, DeliveryDefinition.QueueType.QUORUM));
        assertThat(loader.load(Path.of("jobs/offers-xml.yml")).delivery()).isNotNull();
    }

    @Test
    void badDeliverySettingsAreEachReported() throws IOException {
        Path file = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id: { path: "@id", type: string }
                target: { key: [id] }
                delivery: { consumers: 0, backoff: soon, backoffMax: 1s, rateLimit: fast, queue: stream, retries: 2 }
                """);

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageContaining("delivery.consumers: expected")
                .hasMessageContaining("delivery.backoff: expected a positive duration such as 500ms, 30s, 10m or 2h, got 'soon'")
                .hasMessageContaining("delivery.rateLimit: expected records per second such as 200/s, got 'fast'")
                .hasMessageContaining("delivery.queue: expected classic or quorum, got 'stream'")
                .hasMessageContaining("delivery.retries");
    }

    @Test
    void definitionsThatCouldNeverWorkAreRefusedBeforeAnyFileIsRead() throws IOException {
        Path file = write("""
                name: offers
                format: { type: xml, record: /feed/offer, limits: { maxDepth: 2 } }
                fields:
                  id:      { path: "@id", type: string }
                  agentId: { path: agent/@id, type: string }
                  agent_id: { path: agent/code, type: string }
                  year:    { path: year, type: integer }
                  rooms:   { path: rooms, type: integer, min: 5, max: 1 }
                  kind:    { path: kind, type: enum, values: [sale, ""] }
                target: { table: order, key: [id, id] }
                """);

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageContaining("fields.agent_id: is stored in column agent_id like field agentId; rename one")
                .hasMessageContaining("fields.year: 'year' is a reserved SQL word in H2 or PostgreSQL")
                .hasMessageContaining("fields.rooms.min: is greater than max")
                .hasMessageContaining("fields.kind.values: a blank value can never match")
                .hasMessageContaining("target.table: 'order' is a reserved SQL word")
                .hasMessageContaining("target.key: names a field more than once")
                .hasMessageContaining("format: limits.maxDepth is 2 but the record path and field paths reach depth 4");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() throws IOException {
        Path file = write("name: offers\nformat: [xml\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidFeedDefinitionException.class)
                .hasMessageStartingWith(file + ": line ")
                .hasMessageContaining("YAML syntax");
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyOverwritten() throws IOException {
        Path file = write("name: a\nname: b\n");

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("YAML syntax").hasMessageContaining("duplicate");
    }

    @Test
    void namespacePrefixesMustBeDeclared() throws IOException {
        Path ok = write("""
                name: offers
                format: { type: xml, record: /e:feed/e:offer, namespaces: { e: "urn:erp" } }
                fields: { id: { path: "@id", type: string } }
                target: { key: [id] }
                """);
        assertThat(((XmlFormat) loader.load(ok).format()).record()).extracting(PathStep::namespaceUri).containsOnly("urn:erp");

        Path bad = write("""
                name: offers
                format: { type: xml, record: /x:feed/offer }
                fields: { id: { path: "@id", type: string } }
                target: { key: [id] }
                """);
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContaining("format.record: namespace prefix 'x' is not declared");
    }

    @Test
    void skipLimitIsACountOrAPercentage() throws IOException {
        String base = """
                name: offers
                format: { type: xml, record: /feed/offer }
                fields: { id: { path: "@id", type: string } }
                target: { key: [id] }
                """;
        assertThat(loader.load(write(base + "skipLimit: 50\n")).skipLimit()).isEqualTo(new SkipLimit(50L, null));
        assertThat(loader.load(write(base + "skipLimit: 2.5%\n")).skipLimit().maxPercent()).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> loader.load(write(base + "skipLimit: lots\n"))).hasMessageContaining("skipLimit: expected a number");
    }

    @Test
    void unsupportedFormatsAndMissingFilesAreClear() throws IOException {
        Path csv = write("""
                name: offers
                format: { type: csv, record: /feed/offer }
                fields: { id: { path: "@id", type: string } }
                target: { key: [id] }
                """);
        assertThatThrownBy(() -> loader.load(csv)).hasMessageContaining("format.type: 'csv' is not supported; expected xml, xlsx or xls");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml"))).hasMessageContaining("no such feed definition file");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void aSpreadsheetFeedNamesItsSheetHeaderRowAndColumnsAndRefusesXmlKeys() throws IOException {
        Path contacts = write("""
                name: contacts
                format: { type: xlsx, sheet: Contacts, headerRow: 2, limits: { maxEntrySize: 100000000, minInflateRatio: 0.005 } }
                fields:
                  email: { column: "E-mail", type: string, required: true }
                  city:  { letter: f, type: string }
                target: { key: [email] }
                """);
        Path mixed = write("""
                name: contacts
                format: { type: xls, record: /feed/offer, limits: { minInflateRatio: 0 } }
                fields:
                  email: { path: "@email", type: string }
                target: { key: [email] }
                """);

        FeedDefinition feed = loader.load(contacts);

        assertThat(feed.format().isSheet()).isTrue();
        SheetFormat format = (SheetFormat) feed.format();
        assertThat(format.sheet()).isEqualTo("Contacts");
        assertThat(format.headerRow()).isEqualTo(2);
        assertThat(format.sheetLimits()).isEqualTo(new SheetLimits(100_000_000L, 0.005, SheetLimits.DEFAULT.maxTextSize(),
                SheetLimits.DEFAULT.maxSharedStringsSize()));
        assertThat(feed.fields()).extracting(FieldDefinition::sheetColumn).containsExactly("E-mail", null);
        assertThat(feed.fields()).extracting(FieldDefinition::sheetLetter).containsExactly(null, "F");
        assertThatThrownBy(() -> loader.load(mixed)).hasMessageContainingAll(
                "format.record: unknown key; expected one of headerRow, limits, sheet, type",
                "format.limits.minInflateRatio: expected a ratio between 0 and 1 such as 0.01 (0 would turn the zip-bomb guard off), got '0'",
                "fields.email.column: a spreadsheet field names its column by header (column: \"E-mail\") or by letter (letter: D)",
                "fields.email.path: a spreadsheet field is addressed by its column's header (column) or letter (letter), not by path");
    }

    @Test
    void transformsMapsAndDefaultsAreRefusedWhenTheyCouldOnlyProduceInvalidRecords() throws IOException {
        Path good = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:    { path: "@id", type: string }
                  kind:  { path: kind, type: enum, values: [APARTMENT, HOUSE], transform: [trim, upper], map: { WHG: APARTMENT }, unmapped: keep }
                  rooms: { path: rooms, type: integer, default: 0 }
                target: { key: [id] }
                """);
        Path bad = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:     { path: "@id", type: string, default: X }
                  kind:   { path: kind, type: enum, values: [APARTMENT, HOUSE], map: { WHG: FLAT, HAUS: HOUSE } }
                  rooms:  { path: rooms, type: integer, default: many, transform: [digits, titleCase] }
                  city:   { path: city, type: string, unmapped: reject }
                  region: { path: region, type: string, map: { "01": North }, unmapped: sometimes }
                  since:  { path: since, type: date, format: "dd.MM.yyyy", default: "2020-01-31" }
                target: { key: [id] }
                """);

        FeedDefinition feed = loader.load(good);

        assertThat(feed.fields().get(1).preparation().map()).containsEntry("WHG", "APARTMENT");
        assertThat(feed.fields().get(2).preparation().defaultValue()).isEqualTo("0");
        assertThat(feed.fields().get(0).preparation().isNone()).isTrue();
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContainingAll(
                "target.key: 'id' has a default; every record without a key would be one entity",
                "fields.kind.map.WHG: 'FLAT' is not one of the field's values [APARTMENT, HOUSE]",
                "fields.kind.unmapped: a map says what becomes of a value it lacks: unmapped: keep",
                "fields.rooms.default: 'many' is not a valid integer",
                "fields.rooms.transform: unknown transform 'titleCase'; expected some of trim, collapseSpaces, upper, lower, digits",
                "fields.city.unmapped: applies to a field with a map",
                "fields.region.unmapped: expected keep, reject or missing, got 'sometimes'",
                "fields.since.default: '2020-01-31' is not a valid date");
    }

    @Test
    void aComputedFieldReadsFieldsOfTheFileAndNothingElse() throws IOException {
        Path good = write("""
                name: offers
                format: { type: xlsx }
                fields:
                  id:         { column: Id, type: string }
                  price:      { column: Price, type: decimal }
                  area:       { letter: C, type: decimal }
                  pricePerM2: { compute: "price / area", type: decimal, scale: 2 }
                target: { key: [id], version: pricePerM2 }
                """);
        Path bad = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:     { compute: "price * 2", type: string }
                  price:  { path: price, type: decimal, scale: 2 }
                  double: { compute: "price * 2", path: price, type: decimal, default: 0 }
                  triple: { compute: "double + price + rooms", type: decimal }
                  shell:  { compute: "T(java.lang.Runtime).getRuntime()", type: string }
                  whole:  { compute: "price", type: integer, scale: 0 }
                  email:  { path: email, type: string, sensitive: true }
                  domain: { compute: "email + '!'", type: string }
                  hidden: { compute: "email + '!'", type: string, sensitive: true }
                target: { key: [id] }
                """);

        FeedDefinition feed = loader.load(good);

        assertThat(feed.fields().get(3).computation()).isEqualTo(new Computation("price / area", 2, java.util.List.of("price", "area")));
        assertThat(feed.fields().get(3).computed()).isTrue();
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContainingAll(
                "target.key: 'id' is computed; a key identifies the entity as the file writes it",
                "fields.price.scale: rounds the result of a computed decimal field",
                "fields.double.path: a computed field takes its value from compute alone",
                "fields.double.default: a computed field takes its value from compute alone",
                "fields.triple.compute: 'double' is computed itself; compute from fields read from the file",
                "fields.triple.compute: 'rooms' is not a field of this feed",
                "fields.shell.compute: may use field names, literals",
                "fields.whole.scale: rounds the result of a computed decimal field",
                "fields.domain.compute: reads the sensitive field 'email', so its value is sensitive too: add sensitive: true")
                .hasMessageNotContaining("fields.hidden");
    }

    @Test
    void aSpreadsheetColumnIsNamedByHeaderOrByLetterSayingWhichAndALetterIsOneExcelHas() throws IOException {
        Path both = write("""
                name: contacts
                format: { type: xlsx }
                fields:
                  id:    { column: Id, letter: A, type: string }
                  city:  { letter: XFE, type: string }
                  zip:   { letter: "1", type: string }
                  email: { letter: xfd, type: string }
                target: { key: [id] }
                """);
        Path headerless = write("""
                name: contacts
                format: { type: xls, headerRow: 0 }
                fields:
                  id:    { column: Id, type: string }
                  email: { column: E-mail, type: string }
                  city:  { letter: C, type: string }
                target: { key: [id] }
                """);
        Path xml = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id: { path: "@id", letter: A, type: string }
                target: { key: [id] }
                """);

        assertThatThrownBy(() -> loader.load(both)).hasMessageContainingAll(
                        "fields.id.letter: name the column by its header (column) or by its letter (letter), not both",
                        "fields.city.letter: 'XFE' is not a column letter: A to XFD",
                        "fields.zip.letter: '1' is not a column letter: A to XFD")
                .hasMessageNotContaining("fields.email");
        assertThatThrownBy(() -> loader.load(headerless)).hasMessageContaining("format: headerRow is 0, so the sheet has no"
                + " headers to name a column by: give id, email its column's letter (letter: A) instead of column");
        assertThatThrownBy(() -> loader.load(xml)).hasMessageContaining(
                "fields.id.letter: an XML field is addressed by path; letter is for xlsx and xls feeds");
    }

    @Test
    void lookupsNameTheirReferenceTableAndFieldsMayOnlyUseDeclaredOnes() throws IOException {
        Path good = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:    { path: "@id", type: string }
                  agent: { path: agent, type: string, lookup: agents }
                  city:  { path: city, type: string, lookup: cities }
                target: { key: [id] }
                lookups:
                  agents: { table: agent, key: external_ref, value: id }
                  cities: { table: city, key: name, value: id, onMissing: create, normalize: lowercase-trim }
                cache: { ttl: 5m }
                """);
        Path bad = write("""
                name: offers
                format: { type: xml, record: /feed/offer }
                fields:
                  id:    { path: "@id", type: string, lookup: nope }
                target: { key: [id] }
                lookups:
                  agents: { table: Agent, key: external_ref, onMissing: ignore }
                """);

        FeedDefinition feed = loader.load(good);

        assertThat(feed.lookups()).containsOnlyKeys("agents", "cities");
        assertThat(feed.lookups().get("agents")).isEqualTo(new LookupDefinition("agents", "agent", "external_ref", "id",
                LookupDefinition.OnMissing.REJECT, LookupDefinition.Normalize.NONE));
        assertThat(feed.lookups().get("cities").normalized("  Велико   ТЪРНОВО ")).isEqualTo("велико търново");
        assertThat(feed.cache().ttl()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(feed.field("agent").orElseThrow().lookup()).isEqualTo("agents");
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContainingAll(
                "lookups.agents.table: expected a lower-case SQL name (letters, digits, '_'), got 'Agent'",
                "lookups.agents.value: is required",
                "lookups.agents.onMissing: expected one of reject, null, create, got 'ignore'",
                "fields.id.lookup: 'nope' is not declared under lookups");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "feed", ".yml");
        Files.writeString(file, yaml);
        return file;
    }

}
