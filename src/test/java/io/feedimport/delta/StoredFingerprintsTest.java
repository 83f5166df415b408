package io.feedimport.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StoredFingerprintsTest {

    @Test
    void everyKeyLoadedIsFoundWithItsContentAndNoOtherIs() {
        Random random = new Random(3);
        long[] keys = random.longs(50_000).sorted().distinct().toArray();
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE};
        long[] all = java.util.stream.LongStream.concat(Arrays.stream(keys), Arrays.stream(edges)).sorted().distinct().toArray();
        StoredFingerprints.Loader loader = new StoredFingerprints.Loader(1_000_000);
        for (long key : all) {
            assertThat(loader.add(key, key * 31, key == 0)).isTrue();
        }
        StoredFingerprints stored = loader.snapshot();

        assertThat(stored.size()).isEqualTo(all.length);
        for (long key : all) {
            assertThat(stored.holds(key, key * 31)).as("key %d", key).isEqualTo(key != 0);
            assertThat(stored.holds(key, key * 31 + 1)).isFalse();
        }
        for (int i = 0; i < 50_000; i++) {
            long other = random.nextLong();
            assertThat(stored.holds(other, other * 31)).isEqualTo(Arrays.binarySearch(all, other) >= 0 && other != 0);
        }
    }

    @Test
    void rowsOutOfOrderOrPastTheLimitLeaveNoSnapshot() {
        StoredFingerprints.Loader unordered = new StoredFingerprints.Loader(10);
        unordered.add(5, 1, false);
        assertThat(unordered.add(4, 1, false)).isFalse();
        assertThat(unordered.snapshot()).isNull();

        StoredFingerprints.Loader full = new StoredFingerprints.Loader(2);
        full.add(1, 1, false);
        full.add(2, 1, false);
        assertThat(full.add(3, 1, false)).isFalse();
        assertThat(full.snapshot()).isNull();
        assertThat(new StoredFingerprints.Loader(0).snapshot().holds(0, 0)).isFalse();
    }
}
