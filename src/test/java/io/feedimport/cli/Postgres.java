package io.feedimport.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Statements and counts against this machine's PostgreSQL, as the tests of the packaged CLI check what it stored. */
final class Postgres {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private Postgres() {
    }

    static void sql(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", ""); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /**
     * Makes every write of one offer into SCHEMA.offer fail as PostgreSQL reports a transient conflict (SQLSTATE
     * 40001), so it is retried and then parked, until {@link #releaseOffer} lifts the block.
     */
    static void refuseOffer(String schema, String key) throws Exception {
        sql("CREATE TABLE " + schema + ".offer_guard (blocked BOOLEAN)", "INSERT INTO " + schema + ".offer_guard VALUES (true)",
                "CREATE FUNCTION " + schema + ".refuse_offer() RETURNS trigger AS $$ BEGIN"
                        + " IF NEW.id = '" + key + "' AND (SELECT blocked FROM " + schema + ".offer_guard) THEN"
                        + " RAISE EXCEPTION 'offer % conflicts with a concurrent update', NEW.id USING ERRCODE = '40001';"
                        + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_offer BEFORE INSERT OR UPDATE ON " + schema + ".offer FOR EACH ROW EXECUTE FUNCTION "
                        + schema + ".refuse_offer()");
    }

    static void releaseOffer(String schema) throws Exception {
        sql("UPDATE " + schema + ".offer_guard SET blocked = false");
    }

    static long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
