package io.feedimport.consume;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A database that can be made unreachable, as a stopped server or a cut network makes it. */
final class SwitchableDataSource extends DelegatingDataSource {

    volatile boolean down;
    volatile boolean breakAfterConnecting;

    SwitchableDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("Connection refused");
        }
        Connection connection = super.getConnection();
        if (breakAfterConnecting) {
            breakAfterConnecting = false;
            return brokenOnFirstStatement(connection);
        }
        return connection;
    }

    /** A connection whose socket dies once it is used, as PostgreSQL's driver reports it (SQL state 08006). */
    private static Connection brokenOnFirstStatement(Connection connection) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
