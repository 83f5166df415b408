package io.feedimport.feed;

import java.util.Set;

/** Parses the {@code format} of a spreadsheet feed (xlsx or xls): which sheet, which header row, which zip limits. */
final class SheetFormatParser implements FormatSections.Section {

    private static final Set<String> KEYS = Set.of("type", "sheet", "headerRow", "limits");
    private static final Set<String> LIMITS = Set.of("maxEntrySize", "minInflateRatio", "maxTextSize", "maxSharedStringsSize");

    @Override
    public FormatDefinition parse(YamlSection format, String type) {
        format.allowOnly(KEYS);
        String sheet = format.string("sheet", false);
        if (sheet != null && sheet.isBlank()) {
            format.problem("sheet", "expected a sheet name or its 1-based position, got a blank");
        } else if (sheet != null && sheet.matches("\\d+") && Long.parseLong(sheet) < 1) {
            format.problem("sheet", "positions count from 1 (the first sheet), got " + sheet);
        }
        Integer headerRow = format.integer("headerRow", 0, 1_048_576);
        return new SheetFormat(type, sheet, headerRow == null ? 1 : headerRow, limits(format.section("limits", false)));
    }

    private static SheetLimits limits(YamlSection limits) {
        SheetLimits d = SheetLimits.DEFAULT;
        if (limits == null) {
            return d;
        }
        limits.allowOnly(LIMITS);
        Integer entry = limits.integer("maxEntrySize", 1, Integer.MAX_VALUE);
        Integer text = limits.integer("maxTextSize", 1, Integer.MAX_VALUE);
        Integer shared = limits.integer("maxSharedStringsSize", 1, Integer.MAX_VALUE);
        String ratioText = limits.string("minInflateRatio", false);
        double ratio = d.minInflateRatio();
        if (ratioText != null) {
            try {
                ratio = Double.parseDouble(ratioText);
            } catch (NumberFormatException e) {
                ratio = -1;
            }
            if (!(ratio > 0 && ratio < 1)) {
                limits.problem("minInflateRatio", "expected a ratio between 0 and 1 such as 0.01 (0 would turn the zip-bomb"
                        + " guard off), got '" + ratioText + "'");
                ratio = d.minInflateRatio();
            }
        }
        return new SheetLimits(entry == null ? d.maxEntrySize() : entry, ratio, text == null ? d.maxTextSize() : text,
                shared == null ? d.maxSharedStringsSize() : shared);
    }
}
