package io.feedimport.run;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code feedimport.data-dir} absolute before anything uses it: H2 refuses a database path such as
 * {@code data/feedimport} that is relative without a leading {@code ./}, and users write data directories either way.
 */
public final class AbsoluteDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY = "feedimport.data-dir";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String dataDir = environment.getProperty(PROPERTY);
        if (dataDir != null) {
            String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("feedimport-absolute-data-dir", Map.of(PROPERTY, absolute)));
        }
    }
}
