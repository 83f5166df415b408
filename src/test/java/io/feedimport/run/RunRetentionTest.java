package io.feedimport.run;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

class RunRetentionTest extends RunRetentionContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    RunRetentionTest() {
        h2.setURL("jdbc:h2:mem:run-retention;DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
