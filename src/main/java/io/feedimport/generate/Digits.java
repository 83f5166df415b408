package io.feedimport.generate;

/** Appends numbers by hand, because {@code String.format} would dominate the generator's run time. */
final class Digits {

    private Digits() {
    }

    /** Appends {@code value} left-padded with zeros to at least {@code width} digits. */
    static StringBuilder padded(StringBuilder x, long value, int width) {
        for (long limit = 10; --width > 0; limit *= 10) {
            if (value < limit) {
                x.append('0');
            }
        }
        return x.append(value);
    }

    /** Appends {@code scaled / 10^decimals} with exactly that many decimals, e.g. 645 and 1 as "64.5". */
    static StringBuilder fixed(StringBuilder x, long scaled, int decimals) {
        long unit = decimals == 1 ? 10 : decimals == 2 ? 100 : 10_000;
        if (scaled < 0) {
            x.append('-');
            scaled = -scaled;
        }
        return padded(x.append(scaled / unit).append('.'), scaled % unit, decimals);
    }
}
