package io.feedimport.consume;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.reference.FeedLookups;
import io.feedimport.report.Rejections;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.store.EntityTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the consumers that store records, one per feed, used by whichever transport delivers to them. */
@Configuration(proxyBeanMethods = false)
public class ConsumeConfiguration {

    @Bean
    EntityConsumers entityConsumers(JdbcTemplate jdbc, PlatformTransactionManager transactions, EntityTable tables,
                                    OutcomeLedger ledger, FingerprintLedger fingerprints, Rejections rejections,
                                    FeedLookups lookups, FeedMetrics metrics) {
        return new EntityConsumers(jdbc, transactions, tables, ledger, fingerprints, rejections, lookups, metrics);
    }
}
