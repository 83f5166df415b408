package io.feedimport.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFingerprintsTest {

    private static final String FEED = """
            name: flats
            format: { type: xml, record: /flats/flat }
            fields:
              id:    { path: "@id", type: string, required: true }
              title: { path: title, type: string, maxLength: 100 }
              rooms: { path: rooms, type: integer }
            target: { table: flat, key: [id] }
            """;

    @TempDir
    Path dir;

    @Test
    void theSameValuesHaveTheSameFingerprintAndAnyChangedValueAnother() throws IOException {
        ContentFingerprints flats = fingerprints(FEED);

        String stored = flats.content(values("F-1", "Flat", "2"));

        assertThat(flats.content(values("F-1", "Flat", "2"))).isEqualTo(stored).hasSize(16);
        assertThat(fingerprints(FEED).content(values("F-1", "Flat", "2"))).as("another instance, as on another host")
                .isEqualTo(stored);
        assertThat(flats.content(values("F-1", "Flat", "3"))).isNotEqualTo(stored);
        assertThat(flats.content(values("F-1", "Flat ", "2"))).isNotEqualTo(stored);
    }

    @Test
    void fingerprintsStayTheOnesStoredBeforeTheirEncodingWasWrittenOut() throws Exception {
        // every stored fingerprint was made from String.getBytes: a record would be sent again were one bit to differ
        FeedDefinition feed = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("before.yml"), FEED));
        ContentFingerprints flats = new ContentFingerprints(feed);
        byte[] mapping = java.security.MessageDigest.getInstance("SHA-256")
                .digest(ContentFingerprints.mapping(feed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.Random random = new java.util.Random(11);
        char[] alphabet = "aZ9 <&é\u00ffЖ€中\uD83D\uDE00\uD800\uDC00\uDFFF\u0000".toCharArray();
        for (int n = 0; n < 2000; n++) {
            StringBuilder title = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                title.append(alphabet[random.nextInt(alphabet.length)]);
            }
            Map<String, String> values = values("F-" + n, title.toString(), String.valueOf(n));
            java.security.MessageDigest before = java.security.MessageDigest.getInstance("SHA-256");
            before.update(mapping);
            values.forEach((name, value) -> {
                lengthThenBytes(before, name);
                lengthThenBytes(before, value);
            });

            assertThat(flats.content(values)).as("title %s", title)
                    .isEqualTo(java.util.HexFormat.of().formatHex(before.digest(), 0, 8));
            assertThat(flats.key(title.toString())).isEqualTo(ContentFingerprints.key("flat", title.toString()));
            String[] canonical = {values.get("id"), values.get("title"), values.get("rooms")};
            assertThat(ContentFingerprints.text(flats.content(canonical))).as("from the values in field order, title %s",
                    title).isEqualTo(flats.content(values));
            assertThat(flats.keyNumber(title.toString())).isEqualTo(ContentFingerprints.number(flats.key(title.toString())));
        }
    }

    @Test
    void aFieldWithoutAValueFingerprintsAsTheMessageLeavingItOut() throws IOException {
        ContentFingerprints flats = fingerprints(FEED);
        Map<String, String> message = new LinkedHashMap<>();
        message.put("id", "F-1");
        message.put("rooms", "2");

        assertThat(ContentFingerprints.text(flats.content(new String[] {"F-1", null, "2"})))
                .isEqualTo(flats.content(message))
                .isNotEqualTo(flats.content(values("F-1", "", "2")));
    }

    private static void lengthThenBytes(java.security.MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    @Test
    void valuesRunTogetherDoNotCollide() throws IOException {
        ContentFingerprints flats = fingerprints(FEED);

        assertThat(flats.content(Map.of("title", "ab", "rooms", "1")))
                .isNotEqualTo(flats.content(Map.of("title", "a", "rooms", "b1")));
        assertThat(flats.content(Map.of("title", ""))).isNotEqualTo(flats.content(Map.of()));
    }

    @Test
    void aChangedMappingChangesEveryFingerprint() throws IOException {
        String stored = fingerprints(FEED).content(values("F-1", "Flat", "2"));

        assertThat(fingerprints(FEED.replace("path: title", "path: name")).content(values("F-1", "Flat", "2")))
                .as("a path").isNotEqualTo(stored);
        assertThat(fingerprints(FEED.replace("rooms: { path: rooms, type: integer }", "rooms: { path: rooms, type: decimal }"))
                .content(values("F-1", "Flat", "2"))).as("a type").isNotEqualTo(stored);
        assertThat(fingerprints(FEED.replace("table: flat,", "table: flat2,")).content(values("F-1", "Flat", "2")))
                .as("the target table").isNotEqualTo(stored);
    }

    @Test
    void aSheetColumnNamedByLetterInsteadOfByAHeaderOfTheSameTextChangesEveryFingerprint() throws IOException {
        String byHeader = """
                name: flats
                format: { type: xlsx }
                fields:
                  id: { column: B, type: string, required: true }
                target: { table: flat, key: [id] }
                """;

        assertThat(fingerprints(byHeader.replace("column: B", "letter: B")).content(Map.of("id", "F-1")))
                .isNotEqualTo(fingerprints(byHeader).content(Map.of("id", "F-1")));
    }

    @Test
    void aChangedRuleKeepsTheFingerprints() throws IOException {
        String stored = fingerprints(FEED).content(values("F-1", "Flat", "2"));

        assertThat(fingerprints(FEED.replace("maxLength: 100", "maxLength: 50")).content(values("F-1", "Flat", "2")))
                .isEqualTo(stored);
    }

    @Test
    void keysFingerprintTheSameFromTheImporterAndFromAnyConsumerThread() throws IOException {
        ContentFingerprints flats = fingerprints(FEED);

        assertThat(flats.key("F-1")).isEqualTo(ContentFingerprints.key("flat", "F-1")).hasSize(16);
        assertThat(ContentFingerprints.key("house", "F-1")).as("another table's key").isNotEqualTo(flats.key("F-1"));
        assertThat(fingerprints(FEED.replace("name: flats", "name: flats_too")).key("F-1"))
                .as("another feed writing the same table: one row, one fingerprint").isEqualTo(flats.key("F-1"));
        assertThat(flats.key("x".repeat(100_000))).as("a key longer than any column").hasSize(16);
    }

    private ContentFingerprints fingerprints(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("flats-" + System.nanoTime() + ".yml"), yaml);
        FeedDefinition feed = new FeedDefinitionLoader().load(file);
        return new ContentFingerprints(feed);
    }

    private static Map<String, String> values(String id, String title, String rooms) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("title", title);
        values.put("rooms", rooms);
        return values;
    }
}
