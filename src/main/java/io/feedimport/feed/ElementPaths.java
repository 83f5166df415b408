package io.feedimport.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses the element paths of a definition: the absolute record path and the field paths relative to a record. */
final class ElementPaths {

    private static final Pattern STEP = Pattern.compile("@?([A-Za-z_][A-Za-z0-9_.-]*:)?[A-Za-z_][A-Za-z0-9_.-]*");

    private ElementPaths() {
    }

    /** @return the steps, or null after recording a problem */
    static List<PathStep> parse(YamlSection section, String key, String text, boolean absolute, Map<String, String> namespaces) {
        if (text == null) {
            return null;
        }
        String body = text;
        if (absolute) {
            if (!text.startsWith("/")) {
                section.problem(key, "expected an absolute element path such as /feed/offers/offer, got '" + text + "'");
                return null;
            }
            body = text.substring(1);
        }
        String[] parts = body.split("/", -1);
        List<PathStep> steps = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (!STEP.matcher(part).matches() || (part.startsWith("@") && (!last || absolute))) {
                section.problem(key, "'" + text + "' is not a valid path: expected element names separated by '/'"
                        + (absolute ? "" : ", optionally ending in @attribute"));
                return null;
            }
            steps.add(step(section, key, part, namespaces));
        }
        return steps;
    }

    private static PathStep step(YamlSection section, String key, String part, Map<String, String> namespaces) {
        boolean attribute = part.startsWith("@");
        String name = attribute ? part.substring(1) : part;
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new PathStep(null, null, name, attribute);
        }
        String prefix = name.substring(0, colon);
        String uri = namespaces.get(prefix);
        if (uri == null) {
            section.problem(key, "namespace prefix '" + prefix + "' is not declared under format.namespaces");
        }
        return new PathStep(uri, prefix, name.substring(colon + 1), attribute);
    }
}
