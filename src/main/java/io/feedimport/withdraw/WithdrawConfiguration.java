package io.feedimport.withdraw;

import io.feedimport.monitoring.FeedMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires what snapshot runs need; its tables exist before it is made, as Boot's JdbcTemplate waits for the migration. */
@Configuration(proxyBeanMethods = false)
public class WithdrawConfiguration {

    @Bean
    WithdrawalLedger withdrawalLedger(JdbcTemplate jdbc) {
        return new WithdrawalLedger(jdbc);
    }

    @Bean
    Snapshots snapshots(WithdrawalLedger ledger, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        FeedMetrics metrics) {
        return new Snapshots(ledger, new SeenKeys(jdbc), jdbc, transactions, metrics);
    }
}
