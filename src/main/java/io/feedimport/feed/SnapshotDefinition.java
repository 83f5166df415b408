package io.feedimport.feed;

import java.math.BigDecimal;

/**
 * A feed whose every file is the whole truth ({@code mode: snapshot}): when a run completes and passes the guard, the
 * keys of the target that the run did not read are withdrawn.
 *
 * @param withdraw   what withdrawing does to a row
 * @param maxDrop    the largest drop, in percent of the records read by the last complete snapshot run, that still
 *                   withdraws; a run reading fewer holds its withdrawals
 * @param minRecords the fewest records a run must read to withdraw anything
 */
public record SnapshotDefinition(Withdraw withdraw, BigDecimal maxDrop, long minRecords) {

    /** The guard when the definition has none: a drop of more than a tenth, or an empty file, withdraws nothing. */
    public static final BigDecimal DEFAULT_MAX_DROP = BigDecimal.TEN;
    public static final long DEFAULT_MIN_RECORDS = 1;

    public enum Withdraw {
        /** Sets the row's {@code withdrawn_at}; a key that comes back has it cleared. */
        SOFT_DELETE("softDelete"),
        /** Deletes the row. */
        DELETE("delete");

        private final String yamlName;

        Withdraw(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public boolean softDelete() {
        return withdraw == Withdraw.SOFT_DELETE;
    }

    /**
     * Why a run that read {@code read} records must not withdraw, given the last complete snapshot run read
     * {@code reference} (null when there was none), or null when it may.
     */
    public String refusal(long read, Long reference) {
        if (read < minRecords) {
            return "read " + grouped(read) + " records, fewer than the guard's minRecords ("
                    + grouped(minRecords) + ")";
        }
        if (reference != null && reference > 0 && BigDecimal.valueOf(reference - read).multiply(BigDecimal.valueOf(100))
                .compareTo(maxDrop.multiply(BigDecimal.valueOf(reference))) > 0) {
            long percent = Math.round(read * 100.0 / reference);
            return "read " + grouped(read) + " records, " + percent + "% of the last complete export ("
                    + grouped(reference) + ")";
        }
        return null;
    }

    static String grouped(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }
}
