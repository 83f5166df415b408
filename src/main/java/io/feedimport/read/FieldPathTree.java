package io.feedimport.read;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.PathStep;

/**
 * The field paths of a feed compiled into a tree of element steps below the record element, so the reader
 * decides in one lookup per element whether anything under it is wanted, and skips whole subtrees that are not.
 */
final class FieldPathTree {

    /**
     * One element step; children and attribute fields are tiny lists, scanned linearly. Names are interned, as the
     * parser's are (P_INTERN_NAMES), so a mismatch costs one reference comparison: this lookup runs for every element.
     */
    static final class Node {
        final PathStep step;
        final String localName;
        final List<Node> children = new ArrayList<>();
        final List<PathStep> attributes = new ArrayList<>();
        final List<Integer> attributeFields = new ArrayList<>();
        final List<Integer> textFields = new ArrayList<>();

        Node(PathStep step) {
            this.step = step;
            this.localName = step == null ? null : step.localName().intern();
        }

        Node child(String namespace, String internedLocalName) {
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                if (child.localName == internedLocalName && child.step.matches(namespace, internedLocalName)) {
                    return child;
                }
            }
            return null;
        }

        private Node childFor(PathStep step) {
            for (Node child : children) {
                if (child.step.equals(step)) {
                    return child;
                }
            }
            Node child = new Node(step);
            children.add(child);
            return child;
        }
    }

    private final Node root = new Node(null);

    FieldPathTree(List<FieldDefinition> fields) {
        for (int index = 0; index < fields.size(); index++) {
            Node node = root;
            List<PathStep> steps = fields.get(index).steps();
            if (fields.get(index).computed()) {
                continue; // nothing in the file: the validator computes it
            }
            for (PathStep step : steps) {
                if (step.attribute()) {
                    node.attributes.add(step);
                    node.attributeFields.add(index);
                } else {
                    node = node.childFor(step);
                }
            }
            if (!steps.get(steps.size() - 1).attribute()) {
                node.textFields.add(index);
            }
        }
    }

    Node root() {
        return root;
    }
}
