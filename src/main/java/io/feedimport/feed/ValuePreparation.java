package io.feedimport.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a field does to its value before the value is validated, in this order: its named transforms, one after
 * another; its value map; its default, when no value is left. Whatever comes out is then parsed as the field's type
 * and checked against its rules, like any value read from a file.
 *
 * @param transforms   applied in the order written
 * @param map          file value to stored value, matched exactly after the transforms
 * @param unmapped     what a value the map lacks becomes; null exactly when there is no map
 * @param defaultValue the value of a field the record lacks (or left blank, or mapped to missing); null for none
 */
public record ValuePreparation(List<Transform> transforms, Map<String, String> map, Unmapped unmapped, String defaultValue) {

    public static final ValuePreparation NONE = new ValuePreparation(List.of(), Map.of(), null, null);

    public ValuePreparation {
        transforms = List.copyOf(transforms);
        map = Map.copyOf(map);
    }

    public boolean isNone() {
        return transforms.isEmpty() && map.isEmpty() && defaultValue == null;
    }

    /**
     * @param raw the value as read; null when the record lacks it
     * @return the value to validate; null when none is left and there is no default
     * @throws UnmappedValueException when the map lacks the value and {@code unmapped: reject}
     */
    public String prepare(String raw) {
        String value = raw;
        for (Transform transform : transforms) {
            if (value == null) {
                break;
            }
            value = transform.apply(value);
            value = value.isEmpty() ? null : value;
        }
        if (value != null && !map.isEmpty()) {
            String mapped = map.get(value);
            if (mapped != null) {
                value = mapped;
            } else if (unmapped == Unmapped.REJECT) {
                throw new UnmappedValueException(value);
            } else if (unmapped == Unmapped.MISSING) {
                value = null;
            }
        }
        return value == null ? defaultValue : value;
    }

    /** The part of a feed's identity this decides: a resumed run prepares values as it began to. */
    public String identity() {
        return isNone() ? "" : "|prepare " + transforms + ' ' + new java.util.TreeMap<>(map) + ' ' + unmapped + ' ' + defaultValue;
    }

    /** A transform by the name a definition gives it. */
    public enum Transform {
        TRIM("trim") {
            @Override
            String apply(String value) {
                return value.strip();
            }
        },
        /** Each run of white space (the no-break space included) becomes one space; none is left at either end. */
        COLLAPSE_SPACES("collapseSpaces") {
            @Override
            String apply(String value) {
                StringBuilder out = new StringBuilder(value.length());
                boolean space = false;
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        space = out.length() > 0;
                    } else {
                        if (space) {
                            out.append(' ');
                            space = false;
                        }
                        out.append(c);
                    }
                }
                return out.toString();
            }
        },
        UPPER("upper") {
            @Override
            String apply(String value) {
                return value.toUpperCase(Locale.ROOT);
            }
        },
        LOWER("lower") {
            @Override
            String apply(String value) {
                return value.toLowerCase(Locale.ROOT);
            }
        },
        /** Only the digits 0 to 9 are kept: a phone number "+49 (30) 1234-5" becomes "493012345". */
        DIGITS("digits") {
            @Override
            String apply(String value) {
                StringBuilder out = new StringBuilder(value.length());
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c >= '0' && c <= '9') {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        };

        private final String yamlName;

        Transform(String yamlName) {
            this.yamlName = yamlName;
        }

        abstract String apply(String value);

        public String yamlName() {
            return yamlName;
        }

        static Optional<Transform> named(String name) {
            return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
        }

        static String names() {
            return String.join(", ", Arrays.stream(values()).map(Transform::yamlName).toList());
        }

        @Override
        public String toString() {
            return yamlName;
        }
    }

    /** What a value the map lacks becomes. */
    public enum Unmapped {
        /** itself, validated like any value */
        KEEP,
        /** a violation that skips the record ({@code map}) */
        REJECT,
        /** a missing value: the default, if any, else required fields are violated */
        MISSING;

        static Optional<Unmapped> named(String name) {
            return Arrays.stream(values()).filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** A value the map lacks, with {@code unmapped: reject}. */
    public static final class UnmappedValueException extends RuntimeException {

        private final String value;

        UnmappedValueException(String value) {
            super(null, null, false, false);
            this.value = value;
        }

        /** The value after the transforms, as it was looked up. */
        public String value() {
            return value;
        }
    }
}
