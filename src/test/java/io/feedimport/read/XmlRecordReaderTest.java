package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlRecordReaderTest {

    @TempDir
    Path dir;

    private final FeedDefinition offers = new FeedDefinitionLoader().load(Path.of("jobs/offers-xml.yml"));

    @Test
    void readsEveryDeclaredFieldOfEachRecordWithItsPosition() {
        List<SourceRecord> records = readAll(offers, Path.of("src/test/resources/feeds/small-offers.xml"));

        assertThat(records).hasSize(5);
        SourceRecord first = records.get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.column()).isEqualTo(5);
        assertThat(first.asMap())
                .containsEntry("id", "OF-000001")
                .containsEntry("kind", "sale")
                .containsEntry("title", "Двустаен апартамент в Лозенец & гледка")
                .containsEntry("description", "<p>Светъл & тих</p>")
                .containsEntry("price", "125000.00")
                .containsEntry("currency", "EUR")
                .containsEntry("city", "София")
                .containsEntry("agentId", "AG-012")
                .containsEntry("email", "maria@slanchev-dom.bg")
                .containsEntry("updatedAt", "2026-11-02T08:30:00+02:00");
        assertThat(records.get(1).asMap()).containsEntry("district", null).containsEntry("city", "München");
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void matchesByLocalNameWhateverTheNamespaceUnlessAPrefixIsDeclared() throws IOException {
        Path file = write("""
                <e:feed xmlns:e="urn:erp" xmlns:x="urn:other"><e:item e:id="1"/><x:item e:id="2"/><item e:id="3"/></e:feed>
                """);
        FeedDefinition anyNamespace = definition("record: /feed/item", "id: { path: \"@id\", type: string }");
        FeedDefinition declared = definition("record: /e:feed/e:item\n  namespaces: { e: \"urn:erp\" }",
                "id: { path: \"@e:id\", type: string }");

        assertThat(readAll(anyNamespace, file)).extracting(r -> r.value(0)).containsExactly("1", "2", "3");
        assertThat(readAll(declared, file)).extracting(r -> r.value(0)).containsExactly("1");
    }

    @Test
    void aComputedFieldIsNotLookedForInTheFileAndReadsAsMissing() throws IOException {
        Path file = write("""
                <feed><item id="1"><price>10</price></item><item id="2"/></feed>
                """);
        FeedDefinition feed = definition("record: /feed/item", "id: { path: \"@id\", type: string }\n"
                + "  double: { compute: \"price * 2\", type: decimal }\n  price: { path: price, type: decimal }");

        assertThat(readAll(feed, file)).extracting(r -> r.value(0) + "/" + r.value(1) + "/" + r.value(2))
                .containsExactly("1/null/10", "2/null/null");
    }

    @Test
    void theFirstElementOnAFieldsPathDecidesItsValueAndItsAttributes() throws IOException {
        Path file = write("<feed><offer><phone/><phone>123</phone><price currency=\"EUR\"/><price currency=\"USD\">10</price>"
                + "<note>a<!-- split -->b</note></offer></feed>");
        FeedDefinition feed = definition("record: /feed/offer", "phone: { path: phone, type: string }\n"
                + "  price: { path: price, type: string }\n  currency: { path: price/@currency, type: string }\n"
                + "  note: { path: note, type: string }");

        assertThat(readAll(feed, file).get(0).asMap())
                .containsEntry("phone", null).containsEntry("price", null).containsEntry("currency", "EUR").containsEntry("note", "ab");
    }

    @Test
    void bytesInvalidInAnExplicitEncodingFailTheFileInsteadOfTurningIntoReplacementCharacters() throws IOException {
        Path file = dir.resolve("latin1-declared-utf8.xml");
        Files.write(file, "<feed><offer><title>Café</title></offer></feed>".getBytes(StandardCharsets.ISO_8859_1));
        FeedDefinition feed = definition("record: /feed/offer\n  encoding: UTF-8", "title: { path: title, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":1:24: byte E9 (in E9 3C 2F 74) is not valid UTF-8");
    }

    @Test
    void aBrokenFileFailsWithFileLineAndColumnAfterTheGoodRecords() throws IOException {
        Path file = write("<feed><offers>\n<offer id=\"OF-1\"/>\n<offer id=\"OF-2\">\n<title>x</titel>\n</offer></offers></feed>\n");
        FeedDefinition feed = definition("record: /feed/offers/offer", "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }");

        try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
            assertThat(reader.read().value(0)).isEqualTo("OF-1");
            assertThatThrownBy(reader::read)
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ":4:")
                    .hasMessageContaining("malformed XML")
                    .hasMessageContaining("(in record 2)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void windows1251BytesInAFileDeclaredUtf8FailItAfterTheRecordsBeforeThemNamingLineAndColumn() throws IOException {
        // given 300 valid records (more than one parser buffer), then a record whose title holds Windows-1251 bytes
        StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>\n");
        for (int i = 1; i <= 300; i++) {
            head.append("<offer id=\"OF-").append(i).append("\"><title>Flat ").append(i).append(" in Sofia</title></offer>\n");
        }
        head.append("<offer id=\"OF-301\">\n  <title>");
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = "</title></offer>\n</feed>\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("cp1251-declared-utf8.xml");
        try (var out = Files.newOutputStream(file)) {
            out.write(before);
            out.write(new byte[] {(byte) 0xC0, (byte) 0xE1}); // "Аб" in Windows-1251, invalid in UTF-8
            out.write(after);
        }
        FeedDefinition auto = definition("record: /feed/offer", "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }");
        FeedDefinition declared = definition("record: /feed/offer\n  encoding: UTF-8", "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }");

        for (FeedDefinition feed : List.of(auto, declared)) {
            // when it is read
            List<SourceRecord> read = new ArrayList<>();
            try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
                Throwable failure = null;
                try {
                    for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                        read.add(record);
                    }
                } catch (InputException e) {
                    failure = e;
                }
                // then the 300 records before the bad bytes are read, and the error names line 304, column 10, record 301
                assertThat(read).hasSize(300);
                assertThat(read.get(299).value(1)).isEqualTo("Flat 300 in Sofia");
                assertThat(failure).isInstanceOf(InputException.class)
                        .hasMessageStartingWith(file + ":304:10: ")
                        .hasMessageContaining("not valid UTF-8")
                        .hasMessageContaining("(in record 301)")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
        }
    }

    @Test
    void bytesInvalidInUtf8WhereTheParserStartsReadingStillNameLineAndColumn() throws IOException {
        FeedDefinition feed = definition("record: /feed/offer", "id: { path: \"@id\", type: string }");
        byte[] cp1251 = {(byte) 0xC0, (byte) 0xE1};
        Path first = dir.resolve("first-bytes.xml");
        Files.write(first, concat(cp1251, "<feed><offer id=\"1\"/></feed>".getBytes(StandardCharsets.UTF_8)));
        Path root = dir.resolve("root-tag.xml");
        Files.write(root, concat("<?xml version=\"1.0\"?>\n<feed a".getBytes(StandardCharsets.UTF_8), cp1251,
                "=\"x\"><offer id=\"1\"/></feed>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> readAll(feed, first)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(first + ":1:1: byte C0 (in C0 E1 3C 66) is not valid UTF-8");
        assertThatThrownBy(() -> readAll(feed, root)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(root + ":2:8: byte C0 (in C0 E1 3D 22) is not valid UTF-8");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void aTruncatedFileFailsClearly() throws IOException {
        Path file = write("<feed><offers><offer id=\"OF-1\"/><offer id=\"OF-2\"><title>Half a rec");
        FeedDefinition feed = definition("record: /feed/offers/offer", "id: { path: \"@id\", type: string }");

        try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
            assertThat(reader.read()).isNotNull();
            assertThatThrownBy(reader::read).isInstanceOf(InputException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("Unexpected EOF");
        }
    }

    @Test
    void missingEmptyDirectoryAndRecordlessFilesEachHaveTheirOwnMessage() throws IOException {
        FeedDefinition feed = definition("record: /feed/offers/offer", "id: { path: \"@id\", type: string }");
        Path empty = Files.createFile(dir.resolve("empty.xml"));
        Path other = write("<catalog><item id=\"1\"/></catalog>");

        assertThatThrownBy(() -> XmlRecordReader.open(feed, dir.resolve("missing.xml")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("missing.xml: no such file");
        assertThatThrownBy(() -> XmlRecordReader.open(feed, empty)).hasMessageEndingWith("is empty (0 bytes)");
        assertThatThrownBy(() -> XmlRecordReader.open(feed, dir)).hasMessageEndingWith("is a directory, expected a feed file");
        try (XmlRecordReader reader = XmlRecordReader.open(feed, other)) {
            assertThatThrownBy(reader::read).isInstanceOf(InputException.class)
                    .hasMessage(other + ": no record element /feed/offers/offer found (the document's root element is <catalog>)");
        }
    }

    @Test
    void externalEntitiesCannotReadLocalFiles() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path file = write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<feed><offers><offer id=\"OF-1\"><title>&xxe;</title></offer></offers></feed>");
        FeedDefinition feed = definition("record: /feed/offers/offer", "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }");

        try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
            assertThatThrownBy(reader::read).isInstanceOf(InputException.class)
                    .hasMessageContaining("Undeclared general entity \"xxe\"")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        }
    }

    @Test
    void externalEntitiesAndDtdsCannotOpenAConnection() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            Path entity = write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY ping SYSTEM \"" + url + "/entity\">]>\n"
                    + "<feed><offers><offer id=\"OF-1\"><title>&ping;</title></offer></offers></feed>");
            Path dtd = write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed SYSTEM \"" + url + "/feed.dtd\">\n"
                    + "<feed><offers><offer id=\"OF-1\"><title>t</title></offer></offers></feed>");
            FeedDefinition feed = definition("record: /feed/offers/offer", "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }");

            assertThatThrownBy(() -> readAll(feed, entity)).isInstanceOf(InputException.class).hasMessageContaining("Undeclared general entity");
            assertThat(readAll(feed, dtd)).extracting(r -> r.value(0)).containsExactly("OF-1");

            listener.setSoTimeout(500);
            assertThatThrownBy(listener::accept).as("nothing may connect to " + url).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsIsRefusedWithinASecond() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        Path file = write(dtd + "]>\n<feed><offers><offer id=\"1\"><title>&lol9;</title></offer></offers></feed>");
        FeedDefinition feed = definition("record: /feed/offers/offer", "title: { path: title, type: string }");

        long start = System.nanoTime();
        try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
            assertThatThrownBy(reader::read).isInstanceOf(InputException.class).hasMessageContaining("Undeclared general entity");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void depthAttributeAndTextLimitsComeFromTheFeed() throws IOException {
        String fields = "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }";
        FeedDefinition tight = definition("record: /feed/offer\n  limits: { maxDepth: 4, maxAttributes: 2, maxTextLength: 10 }", fields);

        Path deep = write("<feed><offer id=\"1\"><a><b><c>deep</c></b></a></offer></feed>");
        Path wide = write("<feed><offer id=\"1\" a=\"1\" b=\"2\"/></feed>");
        Path long_ = write("<feed><offer id=\"1\"><title>" + "x".repeat(50) + "</title></offer></feed>");

        assertThatThrownBy(() -> readAll(tight, deep)).message().containsIgnoringCase("element depth");
        assertThatThrownBy(() -> readAll(tight, wide)).message().containsIgnoringCase("attribute");
        assertThatThrownBy(() -> readAll(tight, long_)).message().containsIgnoringCase("text size");
    }

    @Test
    void honoursBomAndPrologEncodingsAndAnExplicitOverride() throws IOException {
        String title = "Гарсониера в Търново — Café Zürich";
        FeedDefinition feed = definition("record: /feed/offer", "title: { path: title, type: string }");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        assertThat(titleOf(feed, encoded("UTF-8", title, new byte[0]))).isEqualTo(title);
        assertThat(titleOf(feed, encoded("UTF-8", title, bom))).isEqualTo(title);
        assertThat(titleOf(feed, encoded("UTF-16", title, new byte[0]))).isEqualTo(title);
        assertThat(titleOf(feed, encoded("windows-1251", "Гарсониера в Търново", new byte[0]))).isEqualTo("Гарсониера в Търново");
        assertThat(titleOf(feed, encoded("ISO-8859-1", "Café Zürich", new byte[0]))).isEqualTo("Café Zürich");

        Path undeclared = dir.resolve("undeclared.xml");
        Files.write(undeclared, "<feed><offer><title>Търново</title></offer></feed>".getBytes(Charset.forName("windows-1251")));
        FeedDefinition override = definition("record: /feed/offer\n  encoding: windows-1251", "title: { path: title, type: string }");
        assertThat(titleOf(override, undeclared)).isEqualTo("Търново");
    }

    @Test
    void skipMovesPastRecordsWithoutReadingThemSoARunCanResume() {
        Path file = Path.of("src/test/resources/feeds/small-offers.xml");
        try (XmlRecordReader reader = XmlRecordReader.open(offers, file)) {
            reader.skip(3);
            SourceRecord fourth = reader.read();
            assertThat(fourth.number()).isEqualTo(4);
            assertThat(fourth.value(0)).isEqualTo("OF-000004");
            assertThat(reader.position()).isEqualTo(4);
        }
    }

    private Path encoded(String charset, String title, byte[] prefix) throws IOException {
        Path file = Files.createTempFile(dir, charset, ".xml");
        String xml = "<?xml version=\"1.0\" encoding=\"" + charset + "\"?>\n<feed><offer><title>" + title + "</title></offer></feed>";
        byte[] body = xml.getBytes(Charset.forName(charset));
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(file, all);
        return file;
    }

    private static String titleOf(FeedDefinition feed, Path file) {
        return readAll(feed, file).get(0).value(0);
    }

    private static List<SourceRecord> readAll(FeedDefinition feed, Path file) {
        List<SourceRecord> records = new ArrayList<>();
        try (XmlRecordReader reader = XmlRecordReader.open(feed, file)) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }

    private Path write(String xml) throws IOException {
        Path file = Files.createTempFile(dir, "feed", ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private FeedDefinition definition(String format, String fields) throws IOException {
        String firstField = fields.substring(0, fields.indexOf(':')).trim();
        Path yaml = Files.createTempFile(dir, "feed", ".yml");
        Files.writeString(yaml, "name: test\nformat:\n  type: xml\n  " + format + "\nfields:\n  " + fields
                + "\ntarget:\n  key: [" + firstField + "]\n");
        return new FeedDefinitionLoader().load(yaml);
    }
}
