package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.feedimport.store.SqlDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each field type means, from the definition's text to the target table's column: its specification. */
class FieldTypeTest {

    private static final FieldType.ColumnTypes H2 = SqlDialect.H2;
    private static final FieldType.ColumnTypes POSTGRESQL = SqlDialect.POSTGRESQL;

    @Test
    void givenTextOfItsType_eachTypeParsesItIntoItsJavaValue() {
        assertThat(FieldType.STRING.parse(" as written ", null)).isEqualTo(" as written ");
        assertThat(FieldType.ENUM.parse("NEW", null)).isEqualTo("NEW");
        assertThat(FieldType.INTEGER.parse("-42", null)).isEqualTo(-42L);
        assertThat(FieldType.DECIMAL.parse("1200.50", null)).isEqualTo(new BigDecimal("1200.50"));
        assertThat(FieldType.BOOLEAN.parse("Yes", null)).isEqualTo(true);
        assertThat(FieldType.BOOLEAN.parse("0", null)).isEqualTo(false);
        assertThat(FieldType.DATE.parse("2026-11-02", null)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(FieldType.DATE.parse("02.11.2026", ValueParser.formatter("dd.MM.yyyy"))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(FieldType.DATETIME.parse("2026-11-02T10:30:00+02:00", null))
                .isEqualTo(OffsetDateTime.of(2026, 11, 2, 8, 30, 0, 0, ZoneOffset.UTC));
        assertThat(FieldType.DATETIME.parse("2026-11-02T08:30:00", null))
                .as("without an offset: UTC").isEqualTo(OffsetDateTime.of(2026, 11, 2, 8, 30, 0, 0, ZoneOffset.UTC));
        for (FieldType type : FieldType.values()) {
            assertThat(type.parse(sample(type), null)).as(type.yamlName()).isInstanceOf(type.javaType());
        }
    }

    @ParameterizedTest(name = "{0} ''{1}'' is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INTEGER  | 1.5        | not a whole number
            DECIMAL  | 12,50      | not a decimal number
            DECIMAL  | 1E999999   | a decimal number too large or too precise to store
            BOOLEAN  | maybe      | not a boolean (expected true/false, 1/0, yes/no)
            DATE     | 2026-13-01 | not a date (expected yyyy-MM-dd)
            DATETIME | yesterday  | not a date-time (expected ISO-8601, e.g. 2026-11-02T08:30:00Z)
            """)
    void givenTextNotOfItsType_theReasonIsShortEnoughForASkipReport(FieldType type, String text, String reason) {
        assertThatThrownBy(() -> type.parse(text, null)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }

    @Test
    void aDeclaredDateFormatNamesItselfInTheReason() {
        assertThatThrownBy(() -> FieldType.DATE.parse("2026-11-02", ValueParser.formatter("dd.MM.yyyy")))
                .hasMessage("not a date in the declared format");
        assertThatThrownBy(() -> FieldType.DATETIME.parse("2026-11-02", ValueParser.formatter("dd.MM.yyyy HH:mm")))
                .hasMessage("not a date-time in the declared format");
    }

    @Test
    void eachTypeBindsAndReadsBackOverJdbcAsItsSqlAndJavaType() {
        assertThat(List.of(FieldType.values())).extracting(FieldType::sqlType).containsExactly(
                Types.VARCHAR, Types.BIGINT, Types.NUMERIC, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR);
        assertThat(List.of(FieldType.values())).extracting(FieldType::javaType).containsExactly(
                String.class, Long.class, BigDecimal.class, Boolean.class, LocalDate.class, OffsetDateTime.class, String.class);
    }

    @ParameterizedTest(name = "{0} is {1} on H2 and {2} on PostgreSQL")
    @CsvSource(delimiter = '|', textBlock = """
            STRING   | CHARACTER VARYING        | TEXT
            INTEGER  | BIGINT                   | BIGINT
            DECIMAL  | DECFLOAT                 | NUMERIC
            BOOLEAN  | BOOLEAN                  | BOOLEAN
            DATE     | DATE                     | DATE
            DATETIME | TIMESTAMP WITH TIME ZONE | TIMESTAMP WITH TIME ZONE
            ENUM     | VARCHAR(8)               | VARCHAR(8)
            """)
    void eachTypeTakesItsColumnTypePerDialect(FieldType type, String h2, String postgresql) {
        FieldDefinition field = field(type, null, type == FieldType.ENUM ? List.of("NEW", "USED", "CLEARING") : null);

        assertThat(type.columnType(field, H2)).isEqualTo(h2);
        assertThat(type.columnType(field, POSTGRESQL)).isEqualTo(postgresql);
    }

    @Test
    void aStringWithAMaximumLengthIsBoundedUpToAMillionCharacters() {
        assertThat(FieldType.STRING.columnType(field(FieldType.STRING, 40, null), POSTGRESQL)).isEqualTo("VARCHAR(40)");
        assertThat(FieldType.STRING.columnType(field(FieldType.STRING, 1_000_000, null), H2)).isEqualTo("VARCHAR(1000000)");
        assertThat(FieldType.STRING.columnType(field(FieldType.STRING, 1_000_001, null), H2)).isEqualTo("CHARACTER VARYING");
    }

    @Test
    void keysReadBackFromTheDatabaseEqualTheIncomingKeyWhateverTheirNotation() {
        assertThat(FieldType.DECIMAL.keyForm(new BigDecimal("1200.50"))).isEqualTo(FieldType.DECIMAL.keyForm(new BigDecimal("1200.5")));
        assertThat(FieldType.DECIMAL.keyForm(new BigDecimal("0.00"))).isEqualTo(FieldType.DECIMAL.keyForm(BigDecimal.ZERO));
        assertThat(FieldType.DATETIME.keyForm(OffsetDateTime.parse("2026-11-02T10:30+02:00")))
                .isEqualTo(FieldType.DATETIME.keyForm(OffsetDateTime.parse("2026-11-02T08:30Z")))
                .isEqualTo(Instant.parse("2026-11-02T08:30:00Z"));
        assertThat(FieldType.INTEGER.keyForm(7)).isEqualTo(7L);
        assertThat(FieldType.STRING.keyForm("A-1")).isEqualTo("A-1");
    }

    @Test
    void versionsCompareByValueAndDateTimesByInstant() {
        assertThat(FieldType.INTEGER.compareVersions(3L, 10L)).isNegative();
        assertThat(FieldType.DECIMAL.compareVersions(new BigDecimal("2.0"), new BigDecimal("2"))).isZero();
        assertThat(FieldType.DATE.compareVersions(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 2))).isPositive();
        assertThat(FieldType.STRING.compareVersions("2026-a", "2026-b")).isNegative();
        assertThat(FieldType.DATETIME.compareVersions(OffsetDateTime.parse("2026-11-02T10:30+02:00"),
                OffsetDateTime.parse("2026-11-02T08:30Z"))).isZero();
        assertThat(FieldType.DATETIME.compareVersions(OffsetDateTime.parse("2026-11-02T10:29+02:00"),
                OffsetDateTime.parse("2026-11-02T08:30Z"))).isNegative();
    }

    @Test
    void onlyOrderedTypesTakeBoundsAndVersions() {
        assertThat(List.of(FieldType.values())).filteredOn(FieldType::isOrdered)
                .containsExactly(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.DATETIME);
    }

    @Test
    void onlyDatesAndDateTimesTakeADeclaredFormat() {
        assertThat(List.of(FieldType.values())).filteredOn(FieldType::takesFormat)
                .containsExactly(FieldType.DATE, FieldType.DATETIME);
    }

    @Test
    void aTypeIsNamedInTheDefinitionInLowerCaseAndReadInAnyCase() {
        for (FieldType type : FieldType.values()) {
            assertThat(type.yamlName()).isEqualTo(type.name().toLowerCase(Locale.ROOT));
            assertThat(FieldType.parse(type.yamlName().toUpperCase(Locale.ROOT))).contains(type);
        }
        assertThat(FieldType.parse("money")).isEmpty();
    }

    private static String sample(FieldType type) {
        return switch (type) {
            case INTEGER -> "1";
            case DECIMAL -> "1.5";
            case BOOLEAN -> "true";
            case DATE -> "2026-11-02";
            case DATETIME -> "2026-11-02T08:30:00Z";
            default -> "text";
        };
    }

    private static FieldDefinition field(FieldType type, Integer maxLength, List<String> values) {
        return new FieldDefinition("code", "code", List.of(), type, false, null, null, null, maxLength, null, values, null,
                null, null, null, false, null, null);
    }
}
