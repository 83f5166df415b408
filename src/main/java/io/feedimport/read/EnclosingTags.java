package io.feedimport.read;

import javax.xml.stream.XMLStreamReader;

/**
 * The start tags of the elements around the current record, as text a parser resumed after a seek reads first: the
 * record's namespace prefixes and default namespace then mean what they meant, and the record path matches again.
 * Only names and namespace declarations are kept; attributes of enclosing elements carry no record's values.
 * Changes only when an element of the record path starts, not once per record.
 */
final class EnclosingTags {

    private final String[] tags;
    private String text = "";

    /** @param depth how many elements enclose a record: one less than the steps of the record path */
    EnclosingTags(int depth) {
        this.tags = new String[Math.max(depth, 0)];
    }

    /** An element of the record path, not the record itself, started at {@code depth} (1 for the root). */
    void started(int depth, XMLStreamReader xml) {
        StringBuilder tag = new StringBuilder("<").append(qualified(xml.getPrefix(), xml.getLocalName()));
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            tag.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
            escape(xml.getNamespaceURI(i), tag);
            tag.append('"');
        }
        tags[depth - 1] = tag.append('>').toString();
        text = String.join("", java.util.Arrays.asList(tags).subList(0, depth));
    }

    /** The start tags of the elements enclosing a record that starts now, outermost first. */
    String text() {
        return text;
    }

    private static String qualified(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ':' + localName;
    }

    /** As an attribute value, so the parser gives back exactly the URI (line breaks and tabs included). */
    private static void escape(String value, StringBuilder out) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
