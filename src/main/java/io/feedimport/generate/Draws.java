package io.feedimport.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Random picks from the reference pools, drawing from the generator's one random stream. */
final class Draws {

    private Draws() {
    }

    static <T> T pick(SplittableRandom r, List<T> pool) {
        return pool.get(r.nextInt(pool.size()));
    }

    /** Appends {@code count} distinct items of the pool, in pool order (selection sampling, no allocation). */
    static void some(StringBuilder x, SplittableRandom r, List<String> pool, int count, String before,
            String after) {
        for (int i = 0, left = count; left > 0; i++) {
            if (r.nextInt(pool.size() - i) < left) {
                x.append(before).append(pool.get(i)).append(after);
                left--;
            }
        }
    }
}
