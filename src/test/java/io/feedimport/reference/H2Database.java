package io.feedimport.reference;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

/** A fresh in-memory H2 database behind a real connection pool, so concurrent workers get connections of their own. */
final class H2Database {

    private H2Database() {
    }

    static HikariDataSource create() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:reference-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(20);
        return pool;
    }
}
