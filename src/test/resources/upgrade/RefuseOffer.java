import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * For make-fixtures.sh only (not compiled with the tests): an H2 trigger that makes every write of offer OF-000007
 * fail as a transient conflict (SQLSTATE 40001), so the old engine retries it and then parks it.
 */
public final class RefuseOffer implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if ("OF-000007".equals(newRow[0])) {
            throw new SQLException("offer OF-000007 conflicts with a concurrent update", "40001");
        }
    }
}
