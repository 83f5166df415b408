package io.feedimport.withdraw;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The users' nights, as exports of a catalogue of items: a full one; then one with 1% of the items changed, 0.3% new
 * and 0.5% gone; then that one cut off at 30%. Each night knows the state the target must have after it.
 */
public final class ExportNights {

    private final int size;

    /** @param size the first night's items; a multiple of 1000 gives exact shares */
    public ExportNights(int size) {
        this.size = size;
    }

    /** Night one: every item, price 100 + its number. */
    public Map<String, String> first() {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            items.put(id(i), price(i, 0));
        }
        return items;
    }

    /** Night two: every 100th item's price changed, every 200th item gone, 0.3% new items at the end. */
    public Map<String, String> second() {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            if (i % 200 == 0) {
                continue;
            }
            items.put(id(i), price(i, i % 100 == 1 ? 1 : 0));
        }
        for (int i = size + 1; i <= size + size * 3 / 1000; i++) {
            items.put(id(i), price(i, 0));
        }
        return items;
    }

    /** Night three: night two cut off after its first 30%. */
    public Map<String, String> cut() {
        Map<String, String> items = new LinkedHashMap<>();
        second().entrySet().stream().limit(second().size() * 3L / 10).forEach(e -> items.put(e.getKey(), e.getValue()));
        return items;
    }

    public static String id(int i) {
        return String.format("IT-%07d", i);
    }

    private static String price(int i, int change) {
        return (100 + i + change * 1000) + ".50";
    }

    /** Writes the items as an export, whole, or broken off in the middle of the item after the last ({@code cutOff}). */
    public static Path write(Path file, Map<String, String> items, boolean cutOff) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog>\n");
            for (Map.Entry<String, String> item : items.entrySet()) {
                out.write("  <item id=\"" + item.getKey() + "\"><name>Item " + item.getKey() + "</name><price>" + item.getValue()
                        + "</price></item>\n");
            }
            out.write(cutOff ? "  <item id=\"IT-9999999\"><name>Item cut o" : "</catalog>\n");
        }
        return file;
    }

    /** The definition of a snapshot feed of such exports, with the given extra top-level keys. */
    public static String definition(String name, String withdraw, String extra) {
        return "name: " + name + "\n"
                + "mode: snapshot\n"
                + "withdraw: " + withdraw + "\n"
                + "guard: { maxDrop: 10%, minRecords: 10 }\n"
                + extra
                + "format: { type: xml, record: /catalog/item }\n"
                + "fields:\n"
                + "  id: { path: \"@id\", type: string, required: true }\n"
                + "  name: { path: name, type: string, required: true }\n"
                + "  price: { path: price, type: decimal, required: true, min: 0 }\n"
                + "target: { table: " + name + ", key: [id] }\n";
    }
}
