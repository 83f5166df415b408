package io.feedimport.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated feed, read back with the JDK's own StAX parser (not the Woodstox reader under test elsewhere) and
 * checked against the rules of {@code jobs/offers-xml.yml}, restated in {@link #violations(Map)}.
 */
class OfferFeedGeneratorTest {

    private static final String NAMESPACE = "urn:imotierp:export:offers:7";
    private static final Pattern ID = Pattern.compile("^OF-[0-9]{6}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Test
    void sameSeedWritesTheSameFeed() throws IOException {
        assertThat(generate(42, 2_000, 5)).isEqualTo(generate(42, 2_000, 5));
        assertThat(generate(42, 2_000, 5)).isNotEqualTo(generate(43, 2_000, 5));
    }

    @Test
    void writesWellFormedXmlWithOneOfferPerRecord() throws Exception {
        StringWriter out = new StringWriter();
        GeneratedFeed feed = new OfferFeedGenerator(1).write(out, 3_000, 5);

        assertThat(offers(out.toString())).hasSize(3_000);
        assertThat(feed.records()).isEqualTo(3_000);
        assertThat(feed.bytes()).isEqualTo(out.toString().length());
    }

    @Test
    void spoilsTheRequestedShareOfRecordsEachInExactlyOneOfEveryKindOfWay() throws Exception {
        StringWriter out = new StringWriter();
        GeneratedFeed feed = new OfferFeedGenerator(7).write(out, 10_000, 5);

        List<List<String>> violations = offers(out.toString()).stream()
                .map(OfferFeedGeneratorTest::violations).toList();

        assertThat(feed.invalid() / 100.0).isBetween(4.0, 6.0);
        assertThat(violations.stream().filter(v -> !v.isEmpty()).count()).isEqualTo(feed.invalid());
        assertThat(violations).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(1));
        assertThat(violations.stream().flatMap(List::stream).distinct()).containsExactlyInAnyOrder(
                "id.required", "id.pattern", "kind.values", "title.required", "title.minLength", "title.maxLength",
                "price.type", "price.min", "currency.values", "rooms.type", "rooms.max", "city.required",
                "email.pattern", "furnished.type", "availableFrom.type", "updatedAt.required", "updatedAt.type");
    }

    @Test
    void writesOnlyValidRecordsWhenNoneShouldBeInvalid() throws Exception {
        StringWriter out = new StringWriter();
        GeneratedFeed feed = new OfferFeedGenerator(7).write(out, 10_000, 0);

        List<Map<String, String>> offers = offers(out.toString());

        assertThat(feed.invalid()).isZero();
        assertThat(offers).allSatisfy(offer -> assertThat(violations(offer)).isEmpty());
        assertThat(offers.get(0).get("@id")).isEqualTo("OF-000001");
        assertThat(offers.get(9_999).get("@id")).isEqualTo("OF-010000");
    }

    @Test
    void idsAreUniqueAndThoseOfValidRecordsMatchThePattern() throws Exception {
        List<Map<String, String>> offers = offers(generate(3, 10_000, 10));

        List<String> ids = offers.stream().map(o -> o.get("@id")).filter(id -> id != null).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(offers.stream().filter(o -> violations(o).isEmpty()))
                .allSatisfy(o -> assertThat(o.get("@id")).matches(ID));
    }

    @Test
    void escapesMarkupSoTextReadsBackAsWritten() throws Exception {
        List<Map<String, String>> offers = offers(generate(5, 2_000, 0));

        assertThat(offers).anySatisfy(o -> assertThat(o.get("title")).contains("&"));
        assertThat(offers).anySatisfy(o -> assertThat(o.get("title")).contains("<"));
        assertThat(offers).anySatisfy(o -> assertThat(o.get("title")).contains("\""));
        assertThat(offers).anySatisfy(o -> assertThat(o.get("agent/name")).isEqualTo("John Smith & Partners"));
        assertThat(offers).anySatisfy(o -> assertThat(o.get("description")).startsWith("<p>").contains("&"));
        assertThat(offers).anySatisfy(o -> assertThat(o.get("location/city")).isEqualTo("Zürich"));
    }

    @Test
    void writesAUtf8FileOf600To900BytesPerRecordCreatingParentDirectories(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/deeper/offers.xml");

        GeneratedFeed feed = new OfferFeedGenerator(11).write(file, 10_000, 5);

        assertThat(feed.bytes()).isEqualTo(Files.size(file));
        assertThat(feed.bytes() / feed.records()).isBetween(600L, 900L);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(generate(11, 10_000, 5));
    }

    @Test
    void rejectsImpossibleCounts() {
        OfferFeedGenerator generator = new OfferFeedGenerator(1);

        assertThatThrownBy(() -> generator.write(new StringWriter(), -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.write(new StringWriter(), 1, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.write(new StringWriter(), 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String generate(long seed, long records, double invalidPercent) throws IOException {
        StringWriter out = new StringWriter();
        new OfferFeedGenerator(seed).write(out, records, invalidPercent);
        return out.toString();
    }

    /** Each offer as its texts keyed like the definition's paths: "@id", "title", "price/@currency", "agent/email". */
    private static List<Map<String, String>> offers(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
        List<Map<String, String>> offers = new ArrayList<>();
        Map<String, String> offer = null;
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                text.setLength(0);
                if (reader.getLocalName().equals("offer")) {
                    assertThat(reader.getNamespaceURI()).isEqualTo(NAMESPACE);
                    offer = new HashMap<>();
                } else if (offer != null) {
                    path.add(reader.getLocalName());
                }
                if (offer != null) {
                    String prefix = path.isEmpty() ? "" : String.join("/", path) + "/";
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        offer.put(prefix + "@" + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT && offer != null) {
                if (path.isEmpty()) {
                    offers.add(offer);
                    offer = null;
                } else {
                    offer.putIfAbsent(String.join("/", path), text.toString());
                    path.remove(path.size() - 1);
                }
                text.setLength(0);
            }
        }
        return offers;
    }

    /** The rules of jobs/offers-xml.yml that the generator breaks on purpose, as "field.rule" per broken rule. */
    private static List<String> violations(Map<String, String> offer) {
        List<String> broken = new ArrayList<>();
        check(broken, "id", offer.get("@id"), true, id -> ID.matcher(id).matches() ? "" : "pattern");
        check(broken, "kind", offer.get("@type"), true, kind -> Set.of("sale", "rent").contains(kind) ? "" : "values");
        check(broken, "title", offer.get("title"), true, title -> {
            int length = title.codePointCount(0, title.length());
            return length < 3 ? "minLength" : length > 200 ? "maxLength" : "";
        });
        check(broken, "price", offer.get("price"), true, price -> new BigDecimal(price).signum() < 0 ? "min" : "");
        check(broken, "currency", offer.get("price/@currency"), true,
                currency -> Set.of("EUR", "BGN", "USD").contains(currency) ? "" : "values");
        check(broken, "rooms", offer.get("rooms"), false, rooms -> Long.parseLong(rooms) > 100 ? "max" : "");
        check(broken, "area", offer.get("area"), false,
                area -> new BigDecimal(area).compareTo(BigDecimal.ONE) < 0 ? "min" : "");
        check(broken, "city", offer.get("location/city"), true, city -> "");
        check(broken, "email", offer.get("agent/email"), false,
                email -> EMAIL.matcher(email).matches() ? "" : "pattern");
        check(broken, "furnished", offer.get("furnished"), false,
                furnished -> Set.of("true", "false").contains(furnished) ? "" : "type");
        check(broken, "availableFrom", offer.get("availableFrom"), false,
                date -> LocalDate.parse(date) == null ? "type" : "");
        check(broken, "updatedAt", offer.get("updated"), true,
                time -> DateTimeFormatter.ISO_DATE_TIME.parse(time) == null ? "type" : "");
        return broken;
    }

    /** Adds "field.required", "field.type" (the rule threw) or "field." + the rule's answer when that is not empty. */
    private static void check(List<String> broken, String field, String text, boolean required,
            Function<String, String> rule) {
        if (text == null) {
            if (required) {
                broken.add(field + ".required");
            }
            return;
        }
        String answer;
        try {
            answer = rule.apply(text);
        } catch (RuntimeException e) {
            answer = "type";
        }
        if (!answer.isEmpty()) {
            broken.add(field + "." + answer);
        }
    }
}
