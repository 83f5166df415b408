package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadAheadRecordReaderTest {

    /** A reader of {@code count} records that breaks after {@code breakAfter} of them, if that is not -1. */
    static final class CountingReader implements RecordReader {
        final long count;
        final long breakAfter;
        long position;
        volatile boolean closed;

        CountingReader(long count, long breakAfter) {
            this.count = count;
            this.breakAfter = breakAfter;
        }

        @Override
        public SourceRecord read() {
            if (position == breakAfter) {
                throw InputException.malformed("f.xml", 9, 3, position + 1, "malformed XML: boom", null);
            }
            if (position == count) {
                return null;
            }
            position++;
            return new SourceRecord("f.xml", position, 1, 1, List.of("n"), new String[] {String.valueOf(position)});
        }

        @Override
        public void skip(long records) {
            position += records;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public RecordMark mark() {
            return position == 0 ? null : new RecordMark(position, position * 10, (int) position, 1, "<feed>");
        }

        @Override
        public ResumePoint resumePoint(RecordMark mark) {
            return new ResumePoint(mark.number(), mark.charOffset(), mark.line(), mark.column(), "UTF-8", mark.enclosing());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void deliversEveryRecordInFileOrder() {
        List<Long> numbers = new ArrayList<>();
        try (ReadAheadRecordReader reader = new ReadAheadRecordReader(new CountingReader(10_000, -1))) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                numbers.add(record.number());
            }
            assertThat(reader.read()).isNull();
            assertThat(reader.position()).isEqualTo(10_000);
        }
        assertThat(numbers).hasSize(10_000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFailureArrivesAfterTheRecordsReadBeforeIt() {
        try (ReadAheadRecordReader reader = new ReadAheadRecordReader(new CountingReader(10_000, 1_000))) {
            for (int i = 1; i <= 1_000; i++) {
                assertThat(reader.read().number()).isEqualTo(i);
            }
            assertThatThrownBy(reader::read).isInstanceOf(InputException.class).hasMessage("f.xml:9:3: malformed XML: boom (in record 1001)");
        }
    }

    @Test
    void skipsBeforeReadingSoAResumedRunStartsWhereItStopped() {
        try (ReadAheadRecordReader reader = new ReadAheadRecordReader(new CountingReader(100, -1))) {
            reader.skip(40);
            assertThat(reader.read().number()).isEqualTo(41);
            assertThat(reader.position()).isEqualTo(41);
            assertThatThrownBy(() -> reader.skip(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theResumePointIsTheLastRecordHandedOutNotTheLastOneParsedAhead() {
        try (ReadAheadRecordReader reader = new ReadAheadRecordReader(new CountingReader(10_000, -1))) {
            assertThat(reader.resumePoint()).isNull();
            for (int i = 1; i <= ReadAheadRecordReader.BATCH_SIZE + 3; i++) {
                reader.read();
                assertThat(reader.resumePoint().record()).isEqualTo(i);
            }
            while (reader.read() != null) {
                // to the end: the last record's point stays
            }
            assertThat(reader.resumePoint().record()).isEqualTo(10_000);
        }
    }

    @Test
    void aReaderOpenedAtAResumePointCountsTheRecordsBeforeIt() {
        CountingReader resumed = new CountingReader(100, -1);
        resumed.position = 60;
        try (ReadAheadRecordReader reader = new ReadAheadRecordReader(resumed)) {
            assertThat(reader.position()).isEqualTo(60);
            reader.skip(2);
            assertThat(reader.read().number()).isEqualTo(63);
            assertThat(reader.position()).isEqualTo(63);
        }
    }

    @Test
    void closingEarlyStopsTheParserAndClosesTheFile() {
        CountingReader source = new CountingReader(1_000_000, -1);
        ReadAheadRecordReader reader = new ReadAheadRecordReader(source);
        reader.read();

        reader.close();

        assertThat(source.closed).isTrue();
        assertThat(source.position).isLessThan(1_000_000);
    }
}
