package io.feedimport.report;

import io.feedimport.run.OutcomeLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the report's records: the skip report of the read side and the rejections of the consumers. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    SkipReportStore skipReportStore(JdbcTemplate jdbc) {
        return new SkipReportStore(jdbc);
    }

    @Bean
    Rejections rejections(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger) {
        return new Rejections(jdbc, transaction, ledger);
    }
}
