package io.feedimport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SkipReportCsvTest {

    private final StringWriter out = new StringWriter();
    private final SkipReportCsv csv = new SkipReportCsv(out);

    @Test
    void eachViolationIsARowFollowedByTheRecordAsReadOneColumnAField() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", "OF-1");
        values.put("price", "abc");
        values.put("city", null);

        csv.write(line("price", "type", "abc", values));
        csv.finish();

        assertThat(out.toString().split("\r\n")).containsExactly(
                "run_id,feed,file,record,line,column,key,field,rule,value,message,record.id,record.price,record.city",
                "\"7\",\"offers\",\"offers.xml\",\"4\",\"12\",\"5\",\"OF-1\",\"price\",\"type\",\"abc\",\"not a decimal\",\"OF-1\",\"abc\",");
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreDefused() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", "=HYPERLINK(\"http://x\",\"y\")");
        values.put("note", "@SUM(A1)");
        values.put("tab", "\t+1");

        csv.write(line("price", "min", "-3", values));
        csv.finish();

        String row = out.toString().split("\r\n")[1];
        assertThat(row).contains(",\"'-3\",", ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", ",\"'@SUM(A1)\",", ",\"'\t+1\"")
                .contains("\"7\",").doesNotContain(",\"=", ",\"@", ",\"-");
    }

    @Test
    void anEmptyReportStillHasItsHeaderAndALineWithoutValuesLeavesNoRecordColumns() {
        csv.finish();
        assertThat(out.toString()).isEqualTo(SkipReportCsv.HEADER + "\r\n");

        StringWriter other = new StringWriter();
        SkipReportCsv rejected = new SkipReportCsv(other);
        rejected.write(line("id", "database", null, Map.of()));
        assertThat(other.toString().split("\r\n")[0]).isEqualTo(SkipReportCsv.HEADER);
    }

    private static SkippedRecord line(String field, String rule, String value, Map<String, String> values) {
        return new SkippedRecord(new SkipEntry(7, "offers", "offers.xml", 4, 12, 5, "OF-1", field, rule, value,
                "type".equals(rule) ? "not a decimal" : "broken"), values);
    }
}
