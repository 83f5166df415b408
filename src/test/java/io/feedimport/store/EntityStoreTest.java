package io.feedimport.store;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

class EntityStoreTest extends EntityStoreContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    EntityStoreTest() {
        h2.setURL("jdbc:h2:mem:entity-store;DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
