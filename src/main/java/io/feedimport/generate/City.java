package io.feedimport.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A city offers are placed in; the name and places are XML-escaped, coordinates are in ten-thousandths. */
record City(String name, int lat, int lon, List<String> districts, List<String> streets) {

    /** Reads {@code country|name|lat|lon|district,district,...}, taking the streets of the city's country. */
    static City parse(String line, Map<String, List<String>> streetsByCountry) {
        String[] f = line.split("\\|");
        return new City(OfferPools.escape(f[1]), tenThousandths(f[2]), tenThousandths(f[3]),
                OfferPools.escaped(f[4].split(",")), streetsByCountry.get(f[0]));
    }

    private static int tenThousandths(String degrees) {
        return new BigDecimal(degrees).movePointRight(4).intValueExact();
    }
}
