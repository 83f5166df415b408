package io.feedimport.feed;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles the {@code pattern} of a field with RE2/J. Patterns run on every value of a file we do not control, and
 * a backtracking engine can take minutes or forever on one value ({@code ^((a+)+)+$}); RE2 matches in time linear in
 * the value, and so cannot run backreferences, lookaround, possessive quantifiers or atomic groups. Those are refused
 * by name, so that a pattern written for Java fails when the definition loads, not silently on the data.
 */
final class FieldPatterns {

    private FieldPatterns() {
    }

    /** @throws IllegalArgumentException with one line saying what RE2 cannot run, or what is wrong */
    static Pattern compile(String regex) {
        if (hasClassIntersection(regex)) {
            throw new IllegalArgumentException(
                    "uses a class intersection `&&`, which is Java syntax; RE2 would read it as the character '&'");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            String construct = backtrackingOnly(e.getDescription(), e.getPattern());
            throw new IllegalArgumentException(construct != null
                    ? "uses " + construct + ", which only a backtracking engine can run; patterns are RE2 syntax and run in linear time"
                    : "not a valid RE2 regular expression: " + e.getDescription() + " `" + e.getPattern() + "`");
        }
    }

    /** The construct RE2 refused, named, when it is one only a backtracking engine has; null for a plain syntax error. */
    private static String backtrackingOnly(String description, String at) {
        if (at.length() >= 2 && at.charAt(0) == '\\' && (at.charAt(1) == 'k' || at.charAt(1) >= '1' && at.charAt(1) <= '9')) {
            return "a backreference `" + at.substring(0, 2) + "`";
        }
        if (at.startsWith("(?=") || at.startsWith("(?!")) {
            return "a lookahead `" + at.substring(0, 3) + "`";
        }
        if (at.startsWith("(?<=") || at.startsWith("(?<!")) {
            return "a lookbehind `" + at.substring(0, 4) + "`";
        }
        if (at.startsWith("(?>")) {
            return "an atomic group `(?>`";
        }
        if (description.equals("invalid nested repetition operator") && at.endsWith("+")) {
            return "a possessive quantifier `" + at + "`";
        }
        return null;
    }

    /** Whether {@code &&} stands inside a bracketed class, where Java intersects classes and RE2 sees two '&'. */
    private static boolean hasClassIntersection(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (!inClass && c == '[') {
                inClass = true;
                i += regex.startsWith("^", i + 1) ? 1 : 0;
                i += regex.startsWith("]", i + 1) ? 1 : 0; // a ']' first in a class is a literal
            } else if (inClass && regex.startsWith("[:", i)) {
                int end = regex.indexOf(":]", i + 2);
                i = end < 0 ? i : end + 1;
            } else if (inClass && c == ']') {
                inClass = false;
            } else if (inClass && regex.startsWith("&&", i)) {
                return true;
            }
        }
        return false;
    }
}
