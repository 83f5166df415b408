package io.feedimport.feed;

import java.math.BigDecimal;

/**
 * How many invalid records a run tolerates before it fails, as an absolute count or a share of the records read.
 * An absolute limit is enforced as soon as it is passed; a share can only be judged once the whole file is read.
 */
public record SkipLimit(Long maxRecords, BigDecimal maxPercent) {

    public static final SkipLimit NONE = new SkipLimit(null, null);

    public boolean exceededSoFar(long skipped) {
        return maxRecords != null && skipped > maxRecords;
    }

    public boolean exceededAtEnd(long skipped, long read) {
        if (exceededSoFar(skipped)) {
            return true;
        }
        return maxPercent != null && read > 0
                && BigDecimal.valueOf(skipped).multiply(BigDecimal.valueOf(100))
                        .compareTo(maxPercent.multiply(BigDecimal.valueOf(read))) > 0;
    }

    @Override
    public String toString() {
        if (maxRecords != null) {
            return maxRecords + " records";
        }
        return maxPercent == null ? "none" : maxPercent.toPlainString() + "%";
    }
}
