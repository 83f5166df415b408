package io.feedimport.store;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the target tables: the database's dialect and the feeds' tables, created from their definitions. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /**
     * Takes the DataSource itself, which Boot cannot see as a user of the schema: declared so, it is made after the
     * migrations like the beans that take a JdbcTemplate.
     */
    @Bean
    @DependsOnDatabaseInitialization
    EntityTable entityTable(DataSource dataSource, SqlDialect dialect) {
        return new EntityTable(dataSource, dialect);
    }
}
