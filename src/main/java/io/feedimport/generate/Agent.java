package io.feedimport.generate;

import java.util.List;
import java.util.stream.IntStream;

/** An agent of the exporting agency; the name is XML-escaped, the mailbox is the part before the {@code @}. */
record Agent(String id, String name, String mailbox, String phone) {

    /** Reads {@code name|mailbox} lines, numbering the agents and deriving a phone number from the number. */
    static List<Agent> numbered(String lines) {
        List<String[]> rows = lines.lines().map(line -> line.split("\\|")).toList();
        return IntStream.range(0, rows.size()).mapToObj(i -> new Agent(
                "AG-" + (i < 9 ? "00" : "0") + (i + 1), OfferPools.escape(rows.get(i)[0]), rows.get(i)[1],
                "+359 8" + (7 + i % 3) + " " + (123 + 29 * i) + " " + (1000 + (4567 + 311 * i) % 9000))).toList();
    }
}
