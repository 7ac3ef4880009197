package dev.orchestra.bootstrap;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.task.Tasks;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage switch: {@code orchestra.storage.type=sqlite|json} decides which store backs every port. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Closed when the context stops, after the web server has drained its requests. */
    @Bean(destroyMethod = "close")
    Storage storage(OrchestraProperties properties, Validator validator, Clock clock) {
        OrchestraProperties.Storage settings = properties.storage();
        Path path = settings.resolvedPath();
        Storage storage = settings.type() == OrchestraProperties.StorageType.JSON
                ? json(JsonStore.open(path, validator, clock))
                : sqlite(SqliteStore.open(new SqliteSettings(path, settings.sqlite().readers(),
                settings.sqlite().busyTimeout(), settings.sqlite().synchronous())));
        LOG.info("Orchestra Store opened {}", storage.description());
        return storage;
    }

    static Storage sqlite(SqliteStore store) {
        return new Storage() {
            @Override
            public String description() {
                return "SQLite " + store.engineVersion() + " database " + store.path().toAbsolutePath();
            }

            @Override
            public UnitOfWork unitOfWork() {
                return store.unitOfWork();
            }

            @Override
            public Agents agents() {
                return store.agents();
            }

            @Override
            public Tasks tasks() {
                return store.tasks();
            }

            @Override
            public CodeRepositories repositories() {
                return store.repositories();
            }

            @Override
            public Preferences preferences() {
                return store.preferences();
            }

            @Override
            public AuditTrail auditTrail() {
                return store.auditTrail();
            }

            @Override
            public void close() {
                store.close();
                LOG.info("Orchestra Store closed {}", store.path().toAbsolutePath());
            }
        };
    }

    static Storage json(JsonStore store) {
        return new Storage() {
            @Override
            public String description() {
                return "JSON document " + store.path();
            }

            @Override
            public UnitOfWork unitOfWork() {
                return store.unitOfWork();
            }

            @Override
            public Agents agents() {
                return store.agents();
            }

            @Override
            public Tasks tasks() {
                return store.tasks();
            }

            @Override
            public CodeRepositories repositories() {
                return store.repositories();
            }

            @Override
            public Preferences preferences() {
                return store.preferences();
            }

            @Override
            public AuditTrail auditTrail() {
                return store.auditTrail();
            }

            @Override
            public void close() {
                store.close();
                LOG.info("Orchestra Store closed {}", store.path());
            }
        };
    }
}
