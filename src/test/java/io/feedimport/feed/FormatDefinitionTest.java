package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format.type loads into its own variant, which knows how its records are found and what identifies a run. */
class FormatDefinitionTest {

    @TempDir
    Path dir;

    private final FeedDefinitionLoader loader = new FeedDefinitionLoader();

    @Test
    void anXmlFeedLoadsItsXmlSettingsIntoTheXmlVariant() throws IOException {
        FormatDefinition format = load("{ type: xml, record: /e:feed/offer, namespaces: { e: \"urn:erp\" } }", "path: \"@id\"");

        assertThat(format).isInstanceOf(XmlFormat.class);
        assertThat(format.type()).isEqualTo("xml");
        assertThat(format.isSheet()).isFalse();
        assertThat(format.namespaces()).containsEntry("e", "urn:erp");
        assertThat(((XmlFormat) format).limits()).isEqualTo(XmlLimits.DEFAULT);
        // as identities were written before the variants, so that a run started before resumes after
        assertThat(format.identity()).isEqualTo("xml|/e:feed/offer|auto|{e=urn:erp}\n");
    }

    @Test
    void xlsxAndXlsFeedsShareTheSheetVariant() throws IOException {
        FormatDefinition xlsx = load("{ type: xlsx, sheet: Contacts, headerRow: 2 }", "column: A");
        FormatDefinition xls = load("{ type: xls }", "column: A");

        assertThat(xlsx).isEqualTo(new SheetFormat("xlsx", "Contacts", 2, SheetLimits.DEFAULT));
        assertThat(xls).isEqualTo(new SheetFormat("xls", null, 1, SheetLimits.DEFAULT));
        assertThat(xlsx.isSheet()).isTrue();
        assertThat(xlsx.namespaces()).isEmpty();
        assertThat(xlsx.identity()).isEqualTo("xlsx|sheet Contacts, rows after row 2|null|{}\nContacts|2\n");
        assertThat(xls.recordPath()).isEqualTo("sheet (first visible), rows after row 1");
    }

    private FormatDefinition load(String format, String field) throws IOException {
        Path file = Files.writeString(dir.resolve("feed.yml"), "name: offers\nformat: " + format + "\nfields: { id: { " + field
                + ", type: string } }\ntarget: { key: [id] }\n");
        return loader.load(file).format();
    }
}
