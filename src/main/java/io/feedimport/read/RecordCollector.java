package io.feedimport.read;

import java.util.Arrays;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.PathStep;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Collects the field texts of one record element, from its start to its end, following the feed's compiled paths.
 * Subtrees no field asks for are skipped by the parser without being materialised. One per reader: it reuses its
 * per-depth buffers from record to record.
 */
final class RecordCollector {

    private final FieldPathTree tree;
    private final int fieldCount;
    private final FieldPathTree.Node[] nodes;
    /** Per depth: the element's first text chunk, kept as the parser's String (with coalescing it is nearly always the only one). */
    private final String[] firstTexts;
    /** Per depth: whether the element's text is wanted at all. */
    private final boolean[] wantsText;
    /** Per depth: the rest of the text, only when an element's text arrives in several chunks. */
    private final StringBuilder[] moreTexts;
    /**
     * Per field of the current record: taken by an element already. The first element on a field's path decides its
     * value (and with it the values of its attributes), even when that element is empty: a later repeat never mixes in.
     */
    private final boolean[] claimed;
    /** Per depth: the text fields the element at that depth took, and how many. */
    private final int[][] claimedAt;
    private final int[] claimCount;

    RecordCollector(FieldPathTree tree, int fieldCount, int maxDepth) {
        this.tree = tree;
        this.fieldCount = fieldCount;
        this.nodes = new FieldPathTree.Node[maxDepth];
        this.firstTexts = new String[maxDepth];
        this.wantsText = new boolean[maxDepth];
        this.moreTexts = new StringBuilder[maxDepth];
        this.claimed = new boolean[fieldCount];
        this.claimedAt = new int[maxDepth][fieldCount];
        this.claimCount = new int[maxDepth];
    }

    /**
     * Reads from the record's START_ELEMENT to its END_ELEMENT, where it leaves the parser.
     *
     * @return the raw field texts in definition order, null where the record has no such field
     */
    String[] collect(XMLStreamReader2 xml) throws XMLStreamException {
        String[] values = new String[fieldCount];
        Arrays.fill(claimed, false);
        int relative = 0;
        enter(xml, tree.root(), 0, values);
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    FieldPathTree.Node node = nodes[relative].child(xml.getNamespaceURI(), xml.getLocalName());
                    if (node == null) {
                        xml.skipElement();
                    } else {
                        relative++;
                        enter(xml, node, relative, values);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (wantsText[relative]) {
                        appendText(xml, relative);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    leave(relative, values);
                    if (relative == 0) {
                        return values;
                    }
                    relative--;
                }
                default -> {
                    // comments and processing instructions carry no field data
                }
            }
        }
    }

    private void enter(XMLStreamReader2 xml, FieldPathTree.Node node, int relative, String[] values) {
        nodes[relative] = node;
        for (int i = 0; i < node.attributes.size(); i++) {
            PathStep attribute = node.attributes.get(i);
            String value = xml.getAttributeValue(attribute.namespaceUri(), attribute.localName());
            int field = node.attributeFields.get(i);
            if (!claimed[field]) {
                claimed[field] = true;
                values[field] = clean(value);
            }
        }
        int claims = 0;
        for (int i = 0; i < node.textFields.size(); i++) {
            int field = node.textFields.get(i);
            if (!claimed[field]) {
                claimed[field] = true;
                claimedAt[relative][claims++] = field;
            }
        }
        claimCount[relative] = claims;
        wantsText[relative] = claims > 0;
        firstTexts[relative] = null;
        if (moreTexts[relative] != null) {
            moreTexts[relative].setLength(0);
        }
    }

    private void appendText(XMLStreamReader2 xml, int relative) {
        if (firstTexts[relative] == null) {
            firstTexts[relative] = xml.getText();
            return;
        }
        if (moreTexts[relative] == null) {
            moreTexts[relative] = new StringBuilder();
        }
        StringBuilder more = moreTexts[relative];
        if (more.length() == 0) {
            more.append(firstTexts[relative]);
        }
        more.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
    }

    private void leave(int relative, String[] values) {
        if (!wantsText[relative]) {
            return;
        }
        StringBuilder more = moreTexts[relative];
        String value = more != null && more.length() > 0 ? clean(more.toString()) : clean(firstTexts[relative]);
        for (int i = 0; i < claimCount[relative]; i++) {
            values[claimedAt[relative][i]] = value;
        }
    }

    /** Surrounding whitespace is layout, not data, and a blank value is a missing one. */
    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
