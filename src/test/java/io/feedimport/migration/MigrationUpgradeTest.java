package io.feedimport.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The embedded default: the H2 database file that the release before migrations left in its data directory. */
class MigrationUpgradeTest extends MigrationUpgradeContract {

    @TempDir
    Path dir;

    @Override
    DataSource oldDatabase() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("old"));
        Files.copy(Path.of("src/test/resources/upgrade/h2/feedimport.mv.db"), copy.resolve("feedimport.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        return h2("jdbc:h2:file:" + copy.resolve("feedimport"));
    }

    @Override
    DataSource emptyDatabase() {
        return h2("jdbc:h2:file:" + dir.resolve("empty").resolve("feedimport"));
    }

    private static DataSource h2(String url) {
        return new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
    }
}
