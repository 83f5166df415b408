package io.feedimport.feed;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;

/** Reads {@code mode}, {@code withdraw} and {@code guard}: a snapshot feed, or null for one that only upserts. */
final class SnapshotDefinitionParser {

    private static final Set<String> GUARD = Set.of("maxDrop", "minRecords");

    private final YamlSection root;

    SnapshotDefinitionParser(YamlSection root) {
        this.root = root;
    }

    SnapshotDefinition snapshot() {
        String mode = root.string("mode", false);
        boolean snapshot = "snapshot".equals(mode);
        if (mode != null && !snapshot && !"upsert".equals(mode)) {
            root.problem("mode", "expected upsert or snapshot, got '" + mode + "'");
        }
        if (!snapshot) {
            for (String key : new String[] {"withdraw", "guard"}) {
                if (root.has(key)) {
                    root.problem(key, "applies to mode: snapshot only; this feed only upserts");
                }
            }
            return null;
        }
        return new SnapshotDefinition(withdraw(root.string("withdraw", false)), maxDrop(), minRecords());
    }

    private SnapshotDefinition.Withdraw withdraw(String text) {
        if (text == null) {
            return SnapshotDefinition.Withdraw.SOFT_DELETE;
        }
        return Arrays.stream(SnapshotDefinition.Withdraw.values()).filter(w -> w.yamlName().equals(text)).findFirst()
                .orElseGet(() -> {
                    root.problem("withdraw", "expected softDelete or delete, got '" + text + "'");
                    return SnapshotDefinition.Withdraw.SOFT_DELETE;
                });
    }

    private BigDecimal maxDrop() {
        YamlSection guard = root.section("guard", false);
        if (guard == null) {
            return SnapshotDefinition.DEFAULT_MAX_DROP;
        }
        guard.allowOnly(GUARD);
        String text = guard.string("maxDrop", false);
        if (text == null) {
            return SnapshotDefinition.DEFAULT_MAX_DROP;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("%")) {
                BigDecimal percent = new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim());
                if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return percent;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        guard.problem("maxDrop", "expected a percentage from 0% to 100% (e.g. 10%), got '" + text + "'");
        return SnapshotDefinition.DEFAULT_MAX_DROP;
    }

    private long minRecords() {
        YamlSection guard = root.section("guard", false);
        if (guard == null || guard.string("minRecords", false) == null) {
            return SnapshotDefinition.DEFAULT_MIN_RECORDS;
        }
        String text = guard.string("minRecords", false);
        try {
            long count = Long.parseLong(text.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        guard.problem("minRecords", "expected a whole number of records (e.g. 1000), got '" + text + "'");
        return SnapshotDefinition.DEFAULT_MIN_RECORDS;
    }
}
