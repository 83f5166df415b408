package io.feedimport.delta;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the fingerprint ledger; its table exists before it is made, as Boot's JdbcTemplate waits for the migration. */
@Configuration(proxyBeanMethods = false)
public class DeltaConfiguration {

    @Bean
    FingerprintLedger fingerprintLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new FingerprintLedger(jdbc, transactions);
    }
}
