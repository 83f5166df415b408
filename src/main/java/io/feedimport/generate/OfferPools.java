package io.feedimport.generate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The reference data offers are built from, every text already XML-escaped. Titles and names carry
 * {@code &}, quotes and {@code <} on purpose, descriptions carry HTML, so readers meet real escaping.
 */
final class OfferPools {

    static final String MAIL_DOMAIN = "slanchev-dom.bg";
    /** Offers were last updated between 1 January and 21 November 2026, the day before the export. */
    static final int UPDATED_DAYS = 325;
    /** Every day of 2026 and 2027 as yyyy-MM-dd, so dates cost no formatting per record. */
    static final List<String> DATES = IntStream.range(0, 730)
            .mapToObj(i -> LocalDate.of(2026, 1, 1).plusDays(i).toString()).toList();
    /** The ERP stamps local Sofia time, so the offset follows daylight saving time through the year. */
    static final List<String> SOFIA_OFFSETS = sofiaOffsets();

    static final List<List<String>> HOMES = List.of(
            List.of("Студио", "Едностаен апартамент"), List.of("Двустаен апартамент"),
            List.of("Тристаен апартамент"), List.of("Четиристаен апартамент", "Мезонет"),
            List.of("Къща", "Мезонет"), List.of("Къща", "Вила"));
    static final List<String> TITLE_TAILS = escaped(
            " & гледка към парка", " с двор & гараж", " – „ново строителство“", " \"до метро\"",
            " – 'Sunny Side'", " <5 мин от метро", " близо до морето", " – Акт 16", ", тих квартал",
            " – без комисиона!", " & паркомясто", " (Tom's choice)");
    static final String LONG_TAIL = " – " + "Уникална оферта! ".repeat(13).strip();
    static final List<String> PARAGRAPHS = cdata(
            "<p>Светъл апартамент с южно изложение, ремонтиран през 2024 г.</p>",
            "<p>Near metro & schools.</p>",
            "<p>Кухнята е <strong>напълно обзаведена</strong> с уреди Bosch.</p>",
            "<ul><li>Отопление: ТЕЦ</li><li>Саниране: да</li></ul>",
            "<p>Такса поддръжка 1,20 € / м² месечно.</p>",
            "<p>Großer Balkon mit Blick auf die Berge – ideal für Familien.</p>",
            "<p>Θέα στη θάλασσα, 5' από την παραλία.</p>",
            "<p>Mieszkanie po remoncie, blisko Rynku Głównego.</p>",
            "<p>Тихо място, 10 мин пеша до „Борисова градина“.</p>",
            "<p>Price negotiable if < 5% off; <a href=\"https://example.com/o?a=1&b=2\">details</a>.</p>",
            "<p>☀ Слънчев, 🌳 зелен двор.</p>");
    static final List<String> FEATURES = List.of("parking", "elevator", "balcony", "garden", "pool",
            "air-conditioning", "storage", "security", "fireplace", "gas-heating", "sea-view", "furnished-kitchen");

    private static final Map<String, List<String>> STREETS = Map.of(
            "BG", escaped("ул. „Златен рог“", "бул. „Витоша“", "ул. „Шипка“", "бул. „Христо Ботев“",
                    "ул. „Цар Самуил“", "ул. „Иван Вазов“", "бул. „Мария Луиза“", "ул. „Г. С. Раковски“"),
            "DE", escaped("Leopoldstraße", "Müllerstraße", "Türkenstraße"),
            "GR", escaped("Odós Tsimiskí", "Odós Egnatías", "Leofóros Níkis"),
            "CH", escaped("Bahnhofstrasse", "Rämistrasse", "Seefeldstrasse"),
            "PL", escaped("ul. Floriańska", "ul. Józefa", "ul. Długa"),
            "AT", escaped("Währinger Straße", "Grinzinger Allee"),
            "ES", escaped("Calle Larios", "Paseo Marítimo"));

    static final List<City> CITIES = """
            BG|София|42.6977|23.3219|Лозенец,Младост,Витоша,Център,Овча купел,Банишора,Изток
            BG|Пловдив|42.1354|24.7453|Капана,Кършияка,Тракия,Смирненски
            BG|Варна|43.2141|27.9147|Бриз,Чайка,Левски,Морска градина
            BG|Бургас|42.5048|27.4626|Лазур,Зорница,Меден рудник
            BG|Русе|43.8356|25.9657|Център,Възраждане,Дружба
            BG|Стара Загора|42.4258|25.6345|Железник,Три чучура
            BG|Велико Търново|43.0757|25.6172|Варуша,Картала,Бузлуджа
            BG|Благоевград|42.0209|23.0943|Еленово,Струмско
            BG|Шумен|43.2712|26.9361|Тракия,Боян Българанов
            BG|Банско|41.8383|23.4885|Грамадите,Глазне
            BG|Созопол|42.4175|27.6960|Стария град,Харманите
            BG|Плевен|43.4170|24.6067|Сторгозия,Дружба
            BG|Габрово|42.8742|25.3187|Младост,Бичкиня
            BG|Несебър|42.6594|27.7360|Стария град,Черно море
            DE|München|48.1351|11.5820|Schwabing,Maxvorstadt,Haidhausen
            GR|Thessaloníki|40.6401|22.9444|Kalamariá,Ladadika,Áno Póli
            CH|Zürich|47.3769|8.5417|Altstadt,Wiedikon,Oerlikon
            PL|Kraków|50.0647|19.9450|Kazimierz,Podgórze,Stare Miasto
            AT|Wien|48.2082|16.3738|Döbling,Währing,Landstraße
            ES|Málaga|36.7213|-4.4214|Centro,El Palo,Pedregalejo
            """.lines().map(line -> City.parse(line, STREETS)).toList();

    static final List<Agent> AGENTS = Agent.numbered("""
            Мария Петрова|maria.petrova
            Георги Иванов|georgi.ivanov
            Елена Димитрова|elena.dimitrova
            Николай Стоянов|nikolay.stoyanov
            Десислава Колева|desislava.koleva
            Иван Тодоров|ivan.todorov
            Цветелина Ангелова|tsvetelina.angelova
            Петър Георгиев|petar.georgiev
            Радостина Христова|radostina.hristova
            Стефан Николов|stefan.nikolov
            Йорданка Василева|yordanka.vasileva
            Димитър Атанасов|dimitar.atanasov
            Виктория Илиева|viktoria.ilieva
            Калоян Маринов|kaloyan.marinov
            Божидара Славова|bozhidara.slavova
            Христо Пеев|hristo.peev
            Теодора Жекова|teodora.zhekova
            Ангел Чолаков|angel.cholakov
            Гергана Щерева|gergana.shtereva
            Любомир Йорданов|lyubomir.yordanov
            Anna Müller|anna.mueller
            Jean-Luc Dubois|jean-luc.dubois
            Seán O'Brien|sean.obrien
            Nikos Papadópoulos|nikos.papadopoulos
            Zofia Wiśniewska|zofia.wisniewska
            Lukas Brändli|lukas.braendli
            María José Núñez|maria.nunez
            Ayşe Yılmaz|ayse.yilmaz
            Émilie Laurent|emilie.laurent
            John Smith & Partners|office.jsp
            """);

    private OfferPools() {
    }

    private static List<String> sofiaOffsets() {
        ZoneRules sofia = ZoneId.of("Europe/Sofia").getRules();
        return IntStream.range(0, UPDATED_DAYS).mapToObj(i -> sofia.getOffset(
                LocalDate.of(2026, 1, 1).plusDays(i).atTime(12, 0)).getId()).toList();
    }

    /** Description paragraphs go into CDATA unescaped, which only works while none can close the section. */
    private static List<String> cdata(String... paragraphs) {
        for (String p : paragraphs) {
            if (p.contains("]]>") || p.endsWith("]")) {
                throw new IllegalStateException("Paragraph would end the CDATA section early: " + p);
            }
        }
        return List.of(paragraphs);
    }

    static List<String> escaped(String... texts) {
        return Arrays.stream(texts).map(OfferPools::escape).toList();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
