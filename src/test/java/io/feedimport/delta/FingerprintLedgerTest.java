package io.feedimport.delta;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

class FingerprintLedgerTest extends FingerprintLedgerContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    FingerprintLedgerTest() {
        h2.setURL("jdbc:h2:mem:fingerprint-ledger;DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
