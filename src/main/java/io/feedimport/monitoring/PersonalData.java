package io.feedimport.monitoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedimport.report.SensitiveValues;

/**
 * Recognises values that look like e-mail addresses or phone numbers, whatever field they come from, so that
 * personal data a feed definition forgot to mark {@code sensitive} still does not leave the machine. It errs on the
 * side of hiding: a false positive costs an example value in a report, a false negative leaks a customer's data.
 *
 * <ul>
 *   <li>E-mail: {@value #EMAIL_REGEX}, anywhere in the text.</li>
 *   <li>Phone: a number not glued to a word, path, e-mail or decimal, written either with a leading {@code +}
 *       ({@code +49 30 1234567}), or in groups separated by space, {@code /} or {@code -}, optionally with a
 *       bracketed area code ({@code (030) 123-4567}, {@code 0171/1234567}, {@code 555-123-4567}), or run together
 *       from a leading {@code 00} or {@code 0} ({@code 004930123456}, {@code 01711234567}); in all cases with
 *       {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits, and not a date ({@code 2024-01-15},
 *       {@code 15/01/2024}). Plain digit runs that do not start with {@code 0} (record numbers, EAN codes) and
 *       decimals ({@code 1234567.89}) are not phone numbers.</li>
 * </ul>
 */
final class PersonalData {

    static final String SCRUBBED = SensitiveValues.MASK;

    static final String EMAIL_REGEX = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";
    static final int MIN_DIGITS = 8;
    static final int MAX_DIGITS = 15;

    // RE2/J: a backtracking search for it is quadratic in a long run of letters, such as a hostile record key
    private static final com.google.re2j.Pattern EMAIL = com.google.re2j.Pattern.compile(EMAIL_REGEX);
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w@/+-]|\\d[.,])"
                    + "(?:\\+\\d[\\d ()/-]*\\d"
                    + "|\\(?\\d[\\d()]*(?:[ /-]\\(?\\d+\\)?){1,6}"
                    + "|00\\d{8,13}|0\\d{9,10})"
                    + "(?![\\w@/-]|[.,]\\d)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{2,4}");

    private PersonalData() {
    }

    /** Whether the text holds something that looks like an e-mail address or a phone number. */
    static boolean appearsIn(String text) {
        return text != null && (EMAIL.matcher(text).find() || nextPhone(PHONE.matcher(text)));
    }

    /** The text with every e-mail-looking and phone-looking part replaced by {@value #SCRUBBED}. */
    static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll(SCRUBBED);
        Matcher phone = PHONE.matcher(withoutEmails);
        StringBuilder scrubbed = new StringBuilder();
        while (nextPhone(phone)) {
            phone.appendReplacement(scrubbed, Matcher.quoteReplacement(SCRUBBED));
        }
        return phone.appendTail(scrubbed).toString();
    }

    private static boolean nextPhone(Matcher matcher) {
        while (matcher.find()) {
            String candidate = matcher.group();
            long digits = candidate.chars().filter(Character::isDigit).count();
            if (digits >= MIN_DIGITS && digits <= MAX_DIGITS && !DATE.matcher(candidate).find()) {
                return true;
            }
        }
        return false;
    }
}
