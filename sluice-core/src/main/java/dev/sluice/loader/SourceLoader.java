package dev.sluice.loader;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.ConfigException;
import dev.sluice.source.Source;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The one way Sluice turns a {@link SourceLocation} into a {@link Source}, used by the command line, the sync
 * and Kafka Connect alike, with one set of failures:
 * <ul>
 *   <li>a class that is not on the class path: {@code CONFIG_ERROR} naming the class and the class path searched;
 *   <li>a class that is not a {@link Source}, or has no public no-argument constructor: {@code CONFIG_ERROR};
 *   <li>a constructor that throws: {@code SYSTEM_ERROR}, except that a
 *       {@link dev.sluice.source.ConnectorException} it throws passes through unchanged;
 *   <li>a manifest that cannot be read: the {@link ManifestProvider}'s error, naming the YAML path and line;
 *       {@code CONFIG_ERROR} when no provider is on the class path.
 * </ul>
 * A loader searches one {@link ClassLoader}: for classes, and for the {@link ManifestProvider} (found with
 * {@link ServiceLoader} on first use). It is not thread-safe; give each thread its own.
 */
public final class SourceLoader {

    private final ClassLoader classLoader;
    private final SourceClasses classes;
    private @Nullable ManifestProvider manifests;

    public SourceLoader(ClassLoader classLoader) {
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.classes = new SourceClasses(classLoader);
    }

    /** Builds the source at {@code location}; throws a {@link dev.sluice.source.ConnectorException} if it cannot. */
    public Source load(SourceLocation location) {
        return location.loadWith(this);
    }

    /** The SPEC of the source at {@code location}, without building more of it than the SPEC needs. */
    public ConnectorSpecification spec(SourceLocation location) {
        return location.specWith(this);
    }

    SourceClasses classes() {
        return classes;
    }

    ManifestProvider manifests() {
        ManifestProvider found = manifests;
        if (found == null) {
            found = ServiceLoader.load(ManifestProvider.class, classLoader).findFirst()
                    .orElseThrow(() -> new ConfigException("Reading a manifest needs sluice-declarative on the class "
                            + "path, which has no " + ManifestProvider.class.getName() + ". Searched: "
                            + ClassPaths.describe(classLoader)));
            manifests = found;
        }
        return found;
    }
}
