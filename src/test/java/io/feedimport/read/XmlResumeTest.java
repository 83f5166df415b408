package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reader reopened at the resume point of record k, and moved past that record, hands out records k+1..N exactly as
 * a reader that never stopped: same values, numbers, lines and columns, in every encoding a feed comes in and with
 * namespaces. The file holds CR LF and LF line ends, two groups of records, two records on one line, entities, CDATA
 * and, where the encoding has them, characters outside the BMP.
 */
class XmlResumeTest {

    private static final String FIELDS = "id: { path: \"@id\", type: string }\n  title: { path: title, type: string }";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"UTF-8,", "UTF-8,BOM", "UTF-16LE,BOM", "UTF-16BE,", "windows-1251,", "ISO-8859-1,"})
    void aReaderReopenedAtAnyRecordGoesOnAsIfItHadNeverStopped(String encoding, String bom) throws IOException {
        String text = encoding.startsWith("UTF") ? "Гарсониера в Търново 𝄞 Café" : encoding.equals("windows-1251")
                ? "Гарсониера в Търново" : "Café Zürich";
        Path file = write(document(encoding, text, "feed", "offers", "offer", ""), encoding, bom != null);
        FeedDefinition feed = definition("record: /feed/offers/offer", FIELDS);

        everyResumeGivesTheRestOfTheFile(feed, file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "windows-1251"})
    void aNamespacedFeedResumesWithItsDefaultNamespaceAndPrefixesInScope(String encoding) throws IOException {
        String declarations = " xmlns=\"urn:feed\" xmlns:x=\"urn:extra&amp;more\"";
        Path file = write(document(encoding, "Търново", "feed" + declarations, "x:offers", "offer", "x:"), encoding, false);
        FeedDefinition feed = definition("record: /f:feed/x:offers/f:offer\n  namespaces: { f: \"urn:feed\", x: \"urn:extra&more\" }",
                "id: { path: \"@x:id\", type: string }\n  title: { path: x:title, type: string }");

        List<SourceRecord> all = everyResumeGivesTheRestOfTheFile(feed, file);
        assertThat(all).extracting(r -> r.value(0)).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "UTF-16LE"})
    void malformedXmlAfterAResumeIsReportedAtTheFilesLineAndColumn(String encoding) throws IOException {
        String xml = document(encoding, "x", "feed", "offers", "offer", "").replace("<title>x 5</title>", "<title>x 5</titel>");
        Path file = write(xml, encoding, false);
        FeedDefinition feed = definition("record: /feed/offers/offer", FIELDS);
        List<ResumePoint> points = new ArrayList<>();
        String uninterrupted = failureOf(XmlRecordReader.open(feed, file), points);

        for (ResumePoint point : points) {
            XmlRecordReader resumed = XmlRecordReader.resume(feed, file, point);
            resumed.skip(1);
            assertThat(failureOf(resumed, new ArrayList<>())).as("from record " + point.record()).isEqualTo(uninterrupted);
        }
        assertThat(points).hasSize(4);
        assertThat(uninterrupted).contains(":14:");
    }

    @org.junit.jupiter.api.Test
    void bytesInvalidInTheEncodingAfterAResumeAreReportedAtTheFilesLineAndColumn() throws IOException {
        String xml = document("UTF-8", "x", "feed", "offers", "offer", "");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        bytes[xml.indexOf("x 5")] = (byte) 0xC0; // all ASCII before it: the character's index is its byte's
        Path file = dir.resolve("broken.xml");
        Files.write(file, bytes);
        FeedDefinition feed = definition("record: /feed/offers/offer", FIELDS);
        List<ResumePoint> points = new ArrayList<>();
        String uninterrupted = failureOf(XmlRecordReader.open(feed, file), points);

        for (ResumePoint point : points) {
            XmlRecordReader resumed = XmlRecordReader.resume(feed, file, point);
            resumed.skip(1);
            assertThat(failureOf(resumed, new ArrayList<>())).as("from record " + point.record()).isEqualTo(uninterrupted);
        }
        assertThat(points).hasSize(4);
        assertThat(uninterrupted).contains(":14:", "byte C0", "record 5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "windows-1251"})
    void aCountAheadOfTheSavedPointIsReachedBySkippingFromThePoint(String encoding) throws IOException {
        Path file = write(document(encoding, "Търново", "feed", "offers", "offer", ""), encoding, false);
        FeedDefinition feed = definition("record: /feed/offers/offer", FIELDS);
        List<ResumePoint> points = new ArrayList<>();
        List<SourceRecord> all = readAll(XmlRecordReader.open(feed, file), points);

        try (RecordReader resumed = RecordReaders.open(feed, file, points.get(1))) {
            assertThat(resumed.position()).isEqualTo(1);
            resumed.skip(4 - resumed.position()); // the run ledger had 4 committed, the context only 2
            assertThat(resumed.read()).usingRecursiveComparison().isEqualTo(all.get(4));
        }
    }

    /** Reads the file through, then resumes at each record's point and compares what follows. */
    private static List<SourceRecord> everyResumeGivesTheRestOfTheFile(FeedDefinition feed, Path file) throws IOException {
        List<ResumePoint> points = new ArrayList<>();
        List<SourceRecord> all = readAll(XmlRecordReader.open(feed, file), points);
        assertThat(all).hasSize(6);
        assertThat(points).extracting(ResumePoint::record).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        byte[] bytes = Files.readAllBytes(file);
        for (ResumePoint point : points) {
            String there = new String(bytes, (int) point.offset(), 8, Charset.forName(point.encoding()));
            assertThat(there).as("the bytes at the point of record " + point.record()).startsWith("<");
        }
        for (int k = 1; k <= all.size(); k++) {
            ResumePoint point = points.get(k - 1);
            try (RecordReader resumed = RecordReaders.open(feed, file, point)) {
                assertThat(resumed.position()).isEqualTo(k - 1);
                resumed.skip(1);
                List<ResumePoint> later = new ArrayList<>();
                List<SourceRecord> rest = readAll(resumed, later);
                assertThat(rest).as("after record " + k).usingRecursiveFieldByFieldElementComparator()
                        .containsExactlyElementsOf(all.subList(k, all.size()));
                assertThat(later).as("points after record " + k).containsExactlyElementsOf(points.subList(k, points.size()));
            }
        }
        return all;
    }

    /**
     * Six records in two groups: one over several lines, CR LF and LF line ends, two records on one line, an entity
     * and CDATA. {@code p} prefixes the field elements and the id attribute.
     */
    private static String document(String encoding, String text, String root, String group, String record, String p) {
        String rootName = root.split(" ")[0];
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + encoding.replaceAll("LE|BE", "")
                + "\"?>\r\n<" + root + ">\r\n  <" + group + " region=\"north\">\n");
        for (int i = 1; i <= 3; i++) {
            xml.append("    <").append(record).append(' ').append(p).append("id=\"").append(i).append("\">\r\n      <")
                    .append(p).append("title>").append(text).append(' ').append(i).append("</").append(p).append("title>\r\n    </")
                    .append(record).append(">\n");
        }
        xml.append("  </").append(group).append(">\n  <").append(group).append(">");
        xml.append('<').append(record).append(' ').append(p).append("id=\"4\"><").append(p).append("title>").append(text)
                .append(" &amp; 4</").append(p).append("title></").append(record).append("><").append(record).append(' ')
                .append(p).append("id=\"5\"><").append(p).append("title>").append(text.isEmpty() ? "" : "x").append(" 5</")
                .append(p).append("title></").append(record).append(">\n");
        xml.append("    <").append(record).append(' ').append(p).append("id=\"6\"><").append(p).append("title><![CDATA[")
                .append(text).append(" <6>]]></").append(p).append("title></").append(record).append(">\n  </").append(group)
                .append(">\n</").append(rootName).append(">\n");
        return xml.toString();
    }

    private Path write(String xml, String encoding, boolean bom) throws IOException {
        Path file = Files.createTempFile(dir, encoding, ".xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.write("\uFEFF".getBytes(Charset.forName(encoding)));
        }
        bytes.write(xml.getBytes(Charset.forName(encoding)));
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static List<SourceRecord> readAll(RecordReader reader, List<ResumePoint> points) {
        List<SourceRecord> records = new ArrayList<>();
        try (reader) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
                points.add(reader.resumePoint());
            }
        }
        return records;
    }

    /** The message the reader fails with; the resume points of the records before it go to {@code points}. */
    private static String failureOf(RecordReader reader, List<ResumePoint> points) {
        try (reader) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                points.add(reader.resumePoint());
            }
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("the file was read to its end");
    }

    private FeedDefinition definition(String format, String fields) throws IOException {
        Path yaml = Files.createTempFile(dir, "feed", ".yml");
        Files.writeString(yaml, "name: test\nformat:\n  type: xml\n  " + format + "\nfields:\n  " + fields
                + "\ntarget:\n  key: [id]\n");
        return new FeedDefinitionLoader().load(yaml);
    }
}
