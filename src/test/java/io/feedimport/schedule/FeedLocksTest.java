package io.feedimport.schedule;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

class FeedLocksTest extends FeedLocksContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    FeedLocksTest() {
        h2.setURL("jdbc:h2:mem:feed-locks;DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
