package io.feedimport.read;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the sheet a feed reads from the workbook's sheets, in workbook order: none named means the first visible one;
 * digits mean a 1-based position among all sheets; anything else is an exact sheet name. A hidden sheet is read when
 * named or numbered, never by default: hidden sheets usually hold lookup lists, not the export.
 */
final class SheetChoice {

    /** One sheet as the workbook lists it. */
    record Sheet(String name, boolean hidden) {

        @Override
        public String toString() {
            return "'" + name + "'" + (hidden ? " (hidden)" : "");
        }
    }

    private SheetChoice() {
    }

    /** @return the 0-based position of the chosen sheet in {@code sheets} */
    static int choose(String file, String requested, List<Sheet> sheets) {
        if (sheets.isEmpty()) {
            throw new InputException(file + ": the workbook has no sheets", false, null);
        }
        if (requested == null) {
            for (int i = 0; i < sheets.size(); i++) {
                if (!sheets.get(i).hidden()) {
                    return i;
                }
            }
            throw new InputException(file + ": every sheet is hidden (" + list(sheets)
                    + "); name the one to read in format.sheet", false, null);
        }
        if (requested.matches("\\d{1,9}")) {
            int position = Integer.parseInt(requested);
            if (position >= 1 && position <= sheets.size()) {
                return position - 1;
            }
            throw new InputException(file + ": has no sheet number " + requested + " (format.sheet); its "
                    + sheets.size() + " sheet" + (sheets.size() == 1 ? " is " : "s are ") + list(sheets), false, null);
        }
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).name().equals(requested)) {
                return i;
            }
        }
        String similar = sheets.stream().filter(s -> s.name().strip().equalsIgnoreCase(requested.strip()))
                .map(s -> " (did you mean '" + s.name() + "'? names must match exactly)").findFirst().orElse("");
        throw new InputException(file + ": has no sheet named '" + requested + "' (format.sheet)" + similar
                + "; its sheets are " + list(sheets), false, null);
    }

    private static String list(List<Sheet> sheets) {
        return sheets.stream().map(Sheet::toString).collect(Collectors.joining(", "));
    }
}
