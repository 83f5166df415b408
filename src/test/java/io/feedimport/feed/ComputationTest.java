package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a computed field's expression may say: the record's fields, literals and operators, nothing that reaches Java. */
class ComputationTest {

    @Test
    void anExpressionOfFieldsLiteralsAndOperatorsNamesTheFieldsItReads() {
        Computation computation = Computation.of("price / area", 2);

        assertThat(computation.inputs()).containsExactly("price", "area");
        assertThat(computation.scale()).isEqualTo(2);
        assertThat(Computation.of("rooms > 3 and !(furnished ?: false) ? 'large' : city + ', ' + (district ?: '-')", null)
                .inputs()).containsExactly("rooms", "furnished", "city", "district");
        assertThat(Computation.of("(price - 100.5) * 2 % 7 == 1 or area <= 1e3", null).inputs()).containsExactly("price", "area");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T(java.lang.Runtime).getRuntime().exec('id')   | nested property or call",
            "T(java.lang.Runtime)                           | type reference",
            "price.toString()                               | nested property or call",
            "toString()                                     | method call",
            "@environment                                   | bean reference",
            "new java.io.File('x')                          | constructor",
            "#root                                          | variable or function",
            "#this                                          | variable or function",
            "price = 1                                      | Assign",
            "{1, 2}                                         | InlineList",
            "title matches '(a+)+$'                         | OperatorMatches",
            "2 ^ 99999999                                   | OperatorPower",
            "rooms between {1, 5}                           | OperatorBetween",
    })
    void anythingElseIsRefusedNamingWhatItIs(String expression, String kind) {
        assertThatThrownBy(() -> Computation.of(expression, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("may use field names, literals, + - * / %, comparisons, and, or, not, ?: and ? : only;")
                .hasMessageContaining("is a " + kind);
    }

    @Test
    void anExpressionThatDoesNotParseIsRefused() {
        assertThatThrownBy(() -> Computation.of("price / ", null)).hasMessageStartingWith("does not parse: ");
    }
}
