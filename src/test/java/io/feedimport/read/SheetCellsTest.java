package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SheetCellsTest {

    private Locale locale;

    @BeforeEach
    void pinALocaleWithADecimalComma() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(locale);
    }

    @Test
    void numbersArePlainDecimalsAsExcelShowsThem() {
        assertThat(SheetCells.number(42)).isEqualTo("42");
        assertThat(SheetCells.number(42.0)).isEqualTo("42");
        assertThat(SheetCells.number(3.5)).isEqualTo("3.5");
        assertThat(SheetCells.number(-0.25)).isEqualTo("-0.25");
        assertThat(SheetCells.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(SheetCells.number(1.5e-7)).isEqualTo("0.00000015");
        assertThat(SheetCells.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(SheetCells.number(-0.0)).isEqualTo("0");
        assertThat(SheetCells.number(123456789012.0)).isEqualTo("123456789012");
        assertThat(SheetCells.number(Double.NaN)).isNull();
    }

    @Test
    void dateFormattedNumbersAreIsoLocalDatesDateTimesOrTimes() {
        assertThat(SheetCells.date(46348, false, SheetCells.DateShape.DATE)).isEqualTo("2026-11-22");
        assertThat(SheetCells.date(46348 + 10.25 / 24, false, SheetCells.DateShape.DATE)).isEqualTo("2026-11-22T10:15:00");
        assertThat(SheetCells.date(46348 + 0.4999999999, false, SheetCells.DateShape.DATE_TIME)).isEqualTo("2026-11-22T12:00:00");
        assertThat(SheetCells.date(DateUtil.getExcelDate(LocalDateTime.of(2026, 11, 22, 0, 0), true), true, SheetCells.DateShape.DATE)).isEqualTo("2026-11-22");
        assertThat(SheetCells.date(0.75, false, SheetCells.DateShape.DATE_TIME)).isEqualTo("18:00:00");
        assertThat(SheetCells.date(-1, false, SheetCells.DateShape.DATE)).isEqualTo("-1");
    }

    @Test
    void aDateTimeAtMidnightStaysADateTimeWhenItsFormatShowsTheTime() {
        assertThat(SheetCells.date(46348, false, SheetCells.DateShape.DATE_TIME)).isEqualTo("2026-11-22T00:00:00");
        assertThat(SheetCells.DateShape.of(164, "yyyy-mm-dd hh:mm:ss")).isEqualTo(SheetCells.DateShape.DATE_TIME);
        assertThat(SheetCells.DateShape.of(165, "dd.mm.yyyy")).isEqualTo(SheetCells.DateShape.DATE);
        assertThat(SheetCells.DateShape.of(166, "[Red]dd/mm/yyyy\\ \"h\"")).as("h only in literals")
                .isEqualTo(SheetCells.DateShape.DATE);
        assertThat(SheetCells.DateShape.of(22, "m/d/yy h:mm")).isEqualTo(SheetCells.DateShape.DATE_TIME);
        assertThat(SheetCells.DateShape.of(0, "General")).isEqualTo(SheetCells.DateShape.NONE);
    }

    @Test
    void textIsStrippedAndBlankTextIsMissing() {
        assertThat(SheetCells.text("  Лозенец \t")).isEqualTo("Лозенец");
        assertThat(SheetCells.text("   ")).isNull();
        assertThat(SheetCells.bool("1")).isEqualTo("true");
        assertThat(SheetCells.bool("0")).isEqualTo("false");
        assertThat(SheetCells.isoDate("2026-11-22T10:15:00Z")).isEqualTo("2026-11-22T10:15:00");
        assertThat(SheetCells.isoDate("2026-11-22T00:00:00")).isEqualTo("2026-11-22");
    }
}
