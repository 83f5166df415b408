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

    static long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
