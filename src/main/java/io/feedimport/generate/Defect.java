package io.feedimport.generate;

import java.util.Arrays;
import java.util.List;

/** The ways a record is broken, each against one rule of {@code jobs/offers-xml.yml}. */
enum Defect {
    NONE, NO_TITLE, SHORT_TITLE, LONG_TITLE, NEGATIVE_PRICE, GROUPED_PRICE, GBP, ROOMS_250, ROOMS_WORD,
    NO_UPDATED, UPDATED_WORD, EMAIL_WITHOUT_AT, AUCTION, BAD_ID, NO_ID, NO_CITY, DOTTED_DATE, MAYBE_FURNISHED;

    /** Taken in turn, so every kind occurs once enough records are spoiled. */
    static final List<Defect> KINDS = Arrays.stream(values()).filter(d -> d != NONE).toList();
}
