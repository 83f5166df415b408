package io.feedimport.generate;

import static io.feedimport.generate.Digits.fixed;
import static io.feedimport.generate.Digits.padded;
import static io.feedimport.generate.Draws.pick;
import static io.feedimport.generate.Draws.some;

import java.util.SplittableRandom;

/**
 * Appends one {@code <offer>}. All pool text is stored already escaped (see {@link OfferPools}), so the hot path
 * only appends; numbers go through {@link Digits}.
 */
final class OfferWriter {

    private OfferWriter() {
    }

    static void write(StringBuilder x, SplittableRandom r, long n, Defect d) {
        boolean rent = r.nextInt(100) < 35;
        int rooms = 1 + r.nextInt(6);
        int day = r.nextInt(OfferPools.UPDATED_DAYS);
        City city = pick(r, OfferPools.CITIES);
        String district = r.nextInt(10) == 0 ? null : pick(r, city.districts());

        x.append("    <offer");
        if (d == Defect.BAD_ID) {
            x.append(" id=\"X-").append(n).append('"');
        } else if (d != Defect.NO_ID) {
            padded(x.append(" id=\"OF-"), n, 6).append('"');
        }
        x.append(" type=\"").append(d == Defect.AUCTION ? "auction" : rent ? "rent" : "sale").append("\">\n");
        title(x, r, d, rent, rooms, district == null ? city.name() : district);
        if (r.nextInt(100) < 40) {
            x.append("      <description><![CDATA[");
            some(x, r, OfferPools.PARAGRAPHS, r.nextInt(4) == 0 ? 2 : 1, "", "");
            x.append("]]></description>\n");
        }
        price(x, r, d, rent);
        x.append("      <rooms>").append(d == Defect.ROOMS_250 ? "250" : d == Defect.ROOMS_WORD ? "three" : rooms);
        x.append("</rooms>\n      <area unit=\"m2\">");
        fixed(x, Math.min(3500, Math.max(250, rooms * 220 + r.nextInt(rooms * 350))), 1).append("</area>\n");
        location(x, r, d, city, district);
        agent(x, r, d);
        extras(x, r, d, rent, day, n);
        if (d != Defect.NO_UPDATED) {
            x.append("      <updated>");
            if (d == Defect.UPDATED_WORD) {
                x.append("yesterday");
            } else {
                x.append(OfferPools.DATES.get(day)).append('T');
                padded(x, 7 + r.nextInt(14), 2).append(':');
                padded(x, r.nextInt(60), 2).append(':');
                padded(x, r.nextInt(60), 2).append(r.nextInt(100) < 15 ? "Z" : OfferPools.SOFIA_OFFSETS.get(day));
            }
            x.append("</updated>\n");
        }
        x.append("    </offer>\n");
    }

    private static void title(StringBuilder x, SplittableRandom r, Defect d, boolean rent, int rooms,
            String place) {
        if (d == Defect.NO_TITLE) {
            return;
        }
        x.append("      <title>");
        if (d == Defect.SHORT_TITLE) {
            x.append('А');
        } else {
            if (rent && r.nextBoolean()) {
                x.append("Под наем: ");
            }
            x.append(pick(r, OfferPools.HOMES.get(rooms - 1))).append(" в ").append(place);
            if (r.nextInt(100) < 40) {
                x.append(pick(r, OfferPools.TITLE_TAILS));
            }
            if (d == Defect.LONG_TITLE) {
                x.append(OfferPools.LONG_TAIL);
            }
        }
        x.append("</title>\n");
    }

    private static void price(StringBuilder x, SplittableRandom r, Defect d, boolean rent) {
        long cents = 100 * (rent ? 300 + 10L * r.nextInt(271) : 30_000 + 500L * r.nextInt(1741));
        int draw = r.nextInt(100);
        String currency = d == Defect.GBP ? "GBP" : draw < 80 ? "EUR" : draw < 93 ? "BGN" : "USD";
        // Listings priced in euro and exported in another currency keep the conversion's cents, as ERPs do.
        if (draw >= 80) {
            cents = draw < 93 ? cents * 195_583 / 100_000 : cents * 108 / 100;
        }
        x.append("      <price currency=\"").append(currency).append("\">");
        if (d == Defect.GROUPED_PRICE) {
            x.append("12,500.00");
        } else {
            fixed(x, d == Defect.NEGATIVE_PRICE ? -cents : cents, 2);
        }
        x.append("</price>\n");
    }

    private static void location(StringBuilder x, SplittableRandom r, Defect d, City city, String district) {
        x.append("      <location>\n");
        if (d != Defect.NO_CITY) {
            x.append("        <city>").append(city.name()).append("</city>\n");
        }
        if (district != null) {
            x.append("        <district>").append(district).append("</district>\n");
        }
        x.append("        <street>").append(pick(r, city.streets())).append(' ').append(1 + r.nextInt(180));
        x.append("</street>\n");
        if (r.nextInt(100) < 80) {
            fixed(x.append("        <geo lat=\""), city.lat() + r.nextInt(601) - 300, 4).append("\" lon=\"");
            fixed(x, city.lon() + r.nextInt(601) - 300, 4).append("\"/>\n");
        }
        x.append("      </location>\n");
    }

    private static void agent(StringBuilder x, SplittableRandom r, Defect d) {
        Agent agent = pick(r, OfferPools.AGENTS);
        x.append("      <agent id=\"").append(agent.id()).append("\">\n        <name>").append(agent.name());
        x.append("</name>\n        <email>").append(agent.mailbox());
        x.append(d == Defect.EMAIL_WITHOUT_AT ? "[at]" : "@").append(OfferPools.MAIL_DOMAIN);
        x.append("</email>\n");
        if (r.nextBoolean()) {
            x.append("        <phone>").append(agent.phone()).append("</phone>\n");
        }
        x.append("      </agent>\n");
    }

    /** The optional tail of an offer: features, furnished, availableFrom and photos. */
    private static void extras(StringBuilder x, SplittableRandom r, Defect d, boolean rent, int day, long n) {
        if (r.nextInt(100) < 60) {
            x.append("      <features>");
            some(x, r, OfferPools.FEATURES, 1 + r.nextInt(2), "<feature>", "</feature>");
            x.append("</features>\n");
        }
        if (d == Defect.MAYBE_FURNISHED || r.nextInt(100) < 65) {
            x.append("      <furnished>").append(d == Defect.MAYBE_FURNISHED ? "maybe" : r.nextBoolean());
            x.append("</furnished>\n");
        }
        if (d == Defect.DOTTED_DATE || r.nextInt(100) < (rent ? 80 : 30)) {
            x.append("      <availableFrom>");
            x.append(d == Defect.DOTTED_DATE ? "31.12.2026" : OfferPools.DATES.get(day + 1 + r.nextInt(150)));
            x.append("</availableFrom>\n");
        }
        int photos = r.nextInt(100) < 50 ? 0 : r.nextInt(3) == 0 ? 2 : 1;
        if (photos > 0) {
            x.append("      <photos>");
            for (int i = 1; i <= photos; i++) {
                padded(x.append("<photo url=\"https://cdn.example.com/of-"), n, 6).append('/').append(i);
                x.append(".jpg\"/>");
            }
            x.append("</photos>\n");
        }
    }
}
