package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.feedimport.feed.ValuePreparation.Transform;
import io.feedimport.feed.ValuePreparation.Unmapped;
import org.junit.jupiter.api.Test;

/** What a field does to a value before it is validated: transforms in order, then the map, then the default. */
class ValuePreparationTest {

    @Test
    void transformsApplyInTheOrderWritten() {
        assertThat(prepare(List.of(Transform.COLLAPSE_SPACES, Transform.UPPER), " sunny \t\u00a0flat\n in  Sofia ")).isEqualTo("SUNNY FLAT IN SOFIA");
        assertThat(prepare(List.of(Transform.TRIM, Transform.LOWER), "  Whg ")).isEqualTo("whg");
        assertThat(prepare(List.of(Transform.DIGITS), "+49 (30) 1234-5")).isEqualTo("493012345");
        assertThat(prepare(List.of(Transform.LOWER, Transform.UPPER), "Haus")).isEqualTo("HAUS");
    }

    @Test
    void aValueNoTransformLeavesAnythingOfIsMissingAndTakesTheDefault() {
        ValuePreparation digits = new ValuePreparation(List.of(Transform.DIGITS), Map.of(), null, "0");

        assertThat(digits.prepare("n/a")).isEqualTo("0");
        assertThat(digits.prepare(null)).isEqualTo("0");
        assertThat(digits.prepare("3 rooms")).isEqualTo("3");
        assertThat(prepare(List.of(Transform.COLLAPSE_SPACES), " \u00a0 ")).isNull();
    }

    @Test
    void theMapMatchesExactlyAfterTheTransformsAndSaysWhatAValueItLacksBecomes() {
        Map<String, String> kinds = Map.of("WHG", "APARTMENT", "HAUS", "HOUSE");
        List<Transform> upper = List.of(Transform.TRIM, Transform.UPPER);

        ValuePreparation keep = new ValuePreparation(upper, kinds, Unmapped.KEEP, null);
        assertThat(keep.prepare("whg")).isEqualTo("APARTMENT");
        assertThat(keep.prepare("Villa")).as("kept as the transforms left it").isEqualTo("VILLA");

        ValuePreparation missing = new ValuePreparation(upper, kinds, Unmapped.MISSING, "HOUSE");
        assertThat(missing.prepare("villa")).as("missing, so the default").isEqualTo("HOUSE");
        assertThat(new ValuePreparation(List.of(), kinds, Unmapped.MISSING, null).prepare("villa")).isNull();

        ValuePreparation reject = new ValuePreparation(upper, kinds, Unmapped.REJECT, null);
        assertThat(reject.prepare("haus")).isEqualTo("HOUSE");
        assertThat(reject.prepare(null)).as("nothing to look up").isNull();
        assertThatThrownBy(() -> reject.prepare(" villa")).isInstanceOfSatisfying(ValuePreparation.UnmappedValueException.class,
                e -> assertThat(e.value()).isEqualTo("VILLA"));
    }

    @Test
    void theDefaultIsStoredAsWrittenNotTransformed() {
        assertThat(new ValuePreparation(List.of(Transform.UPPER), Map.of(), null, "unknown").prepare(null)).isEqualTo("unknown");
    }

    @Test
    void aFieldWithoutAnyPreparesNothingAndSaysNothingInItsIdentity() {
        assertThat(ValuePreparation.NONE.isNone()).isTrue();
        assertThat(ValuePreparation.NONE.prepare(" As read ")).isEqualTo(" As read ");
        assertThat(ValuePreparation.NONE.identity()).isEmpty();
        assertThat(new ValuePreparation(List.of(Transform.TRIM), Map.of("b", "B", "a", "A"), Unmapped.KEEP, "x").identity())
                .isEqualTo("|prepare [trim] {a=A, b=B} KEEP x");
    }

    private static String prepare(List<Transform> transforms, String value) {
        return new ValuePreparation(transforms, Map.of(), null, null).prepare(value);
    }
}
