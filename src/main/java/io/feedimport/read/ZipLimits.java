package io.feedimport.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.SheetLimits;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Applies a feed's zip-bomb limits ({@code format.limits}) when an XLSX workbook is read, and turns a limit that trips
 * into one line telling which limit and how to raise it. POI keeps these limits in JVM-wide statics that it reads on
 * every read of every workbook, so two feeds read at once would otherwise trip over each other's limits: the statics
 * hold the loosest limits of all workbooks open in this JVM, and each part this reader opens is also guarded by a
 * stream that enforces exactly its own feed's limits.
 */
final class ZipLimits {

    private static final Object LOCK = new Object();
    /** The limits of every XLSX workbook open in this JVM: state POI forces on us, hence static. */
    private static final List<SheetLimits> OPEN = new ArrayList<>();

    private ZipLimits() {
    }

    static void acquire(SheetLimits limits) {
        synchronized (LOCK) {
            OPEN.add(limits);
            apply();
        }
    }

    static void release(SheetLimits limits) {
        synchronized (LOCK) {
            OPEN.remove(limits);
            apply();
        }
    }

    private static void apply() {
        // with no workbook open, POI's defaults again, so nothing else in the JVM inherits a feed's limits
        List<SheetLimits> open = OPEN.isEmpty() ? List.of(SheetLimits.DEFAULT) : OPEN;
        ZipSecureFile.setMaxEntrySize(open.stream().mapToLong(SheetLimits::maxEntrySize).max().orElseThrow());
        ZipSecureFile.setMinInflateRatio(open.stream().mapToDouble(SheetLimits::minInflateRatio).min().orElseThrow());
        ZipSecureFile.setMaxTextSize(open.stream().mapToLong(SheetLimits::maxTextSize).max().orElseThrow());
    }

    /** A part's content, guarded by this feed's own limits whatever POI's statics say. */
    static InputStream open(PackagePart part, SheetLimits limits) throws IOException {
        return open(part, limits, Limit.ENTRY_SIZE);
    }

    /**
     * The shared strings part, which POI's table holds whole in memory: also bounded by maxSharedStringsSize, so a
     * workbook cannot take more heap than the feed allows.
     */
    static InputStream openSharedStrings(PackagePart part, SheetLimits limits) throws IOException {
        return open(part, limits, limits.maxSharedStringsSize() < limits.maxEntrySize() ? Limit.SHARED_STRINGS : Limit.ENTRY_SIZE);
    }

    private static InputStream open(PackagePart part, SheetLimits limits, Limit size) throws IOException {
        long compressed = part instanceof ZipPackagePart zipped ? zipped.getZipArchive().getCompressedSize() : -1;
        return new Guard(part.getInputStream(), part.getPartName().getName().substring(1), compressed, limits, size);
    }

    /** Which limit a part broke. */
    enum Limit { ENTRY_SIZE, INFLATE_RATIO, SHARED_STRINGS }

    /**
     * @return the one-line message for a zip-bomb limit that tripped anywhere in {@code failure}'s causes, or null when
     *         the failure is something else
     */
    static InputException exceeded(String file, SheetLimits limits, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = causeOf(cause)) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            boolean ours = cause instanceof Exceeded;
            if (!ours && !message.startsWith("Zip bomb detected")) {
                continue;
            }
            int at = message.lastIndexOf("Entry: ");
            String entry = ours ? ((Exceeded) cause).entry : at < 0 ? "a part" : message.substring(at + 7).strip();
            Limit limit = ours ? ((Exceeded) cause).limit : message.contains("MAX_ENTRY_SIZE") ? Limit.ENTRY_SIZE : Limit.INFLATE_RATIO;
            String reason = switch (limit) {
                case ENTRY_SIZE -> entry + " unpacks to more than " + limits.maxEntrySize() + " bytes (format.limits.maxEntrySize),"
                        + " a guard against zip bombs; if the workbook is genuine, raise format.limits.maxEntrySize";
                case INFLATE_RATIO -> entry + " unpacks to more than " + times(limits.minInflateRatio()) + " times its compressed"
                        + " size (format.limits.minInflateRatio: " + limits.minInflateRatio() + "), as zip bombs do; if the"
                        + " workbook is genuine, lower format.limits.minInflateRatio (never to 0)";
                case SHARED_STRINGS -> entry + " unpacks to more than " + limits.maxSharedStringsSize() + " bytes"
                        + " (format.limits.maxSharedStringsSize); the workbook's distinct texts are held in memory while it is"
                        + " read; if the workbook is genuine, raise format.limits.maxSharedStringsSize";
            };
            return new InputException(file + ": " + reason, false, failure);
        }
        return null;
    }

    private static String times(double ratio) {
        return BigDecimal.ONE.divide(BigDecimal.valueOf(ratio), MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    /** XMLStreamException keeps the IOException it wraps as its nested exception, not always as its cause. */
    private static Throwable causeOf(Throwable failure) {
        if (failure.getCause() == null && failure instanceof XMLStreamException xml) {
            return xml.getNestedException();
        }
        return failure.getCause();
    }

    /** Thrown by the guard; an IOException so that it travels through the XML parser to the reader. */
    static final class Exceeded extends IOException {
        final String entry;
        final Limit limit;

        Exceeded(String entry, Limit limit) {
            super("limit " + limit + " exceeded by " + entry);
            this.entry = entry;
            this.limit = limit;
        }
    }

    /** Counts the bytes a part unpacks to; checks the ratio against the part's whole compressed size, as POI does past a grace size. */
    private static final class Guard extends FilterInputStream {
        private final String entry;
        private final long compressed;
        private final SheetLimits limits;
        private final Limit size;
        private final long maxSize;
        private long inflated;

        Guard(InputStream in, String entry, long compressed, SheetLimits limits, Limit size) {
            super(in);
            this.entry = entry;
            this.compressed = compressed;
            this.limits = limits;
            this.size = size;
            this.maxSize = size == Limit.SHARED_STRINGS ? limits.maxSharedStringsSize() : limits.maxEntrySize();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws Exceeded {
            inflated += bytes;
            if (inflated > maxSize) {
                throw new Exceeded(entry, size);
            }
            if (compressed >= 0 && inflated > ZipSecureFile.getGraceEntrySize()
                    && (double) compressed / inflated < limits.minInflateRatio()) {
                throw new Exceeded(entry, Limit.INFLATE_RATIO);
            }
        }
    }
}
