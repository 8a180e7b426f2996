package dev.sluice.loader;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.ConfigException;
import dev.sluice.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * A loader searches one {@link ClassLoader}: for classes, for the {@link ManifestProvider} (found with
 * {@link ServiceLoader} on first use), and for the classes a manifest's custom components name. Those run for a
 * manifest given as a file or a class-path resource; for a manifest given as data (inline YAML, a JSON object such
 * as the config's {@code __injected_declarative_manifest}) only when allowed: by the environment given to the
 * constructor ({@value CustomCode#UNSAFE_CODE_VARIABLE}{@code =true}) or by {@link #allowingUnsafeCode()} (see
 * {@link CustomCode}). It is not thread-safe; give each thread its own.
 */
public final class SourceLoader {

    private final ClassLoader classLoader;
    private final boolean unsafeCodeAllowed;
    private final SourceClasses classes;
    private @Nullable ManifestProvider manifests;

    /** A loader that refuses custom components in manifests given as data. */
    public SourceLoader(ClassLoader classLoader) {
        this(classLoader, false);
    }

    /**
     * A loader that runs custom components in manifests given as data when {@code environment} (the process's
     * environment, {@code System.getenv()}, passed in so that tests can give another) sets
     * {@value CustomCode#UNSAFE_CODE_VARIABLE} to {@code true}.
     */
    public SourceLoader(ClassLoader classLoader, Map<String, String> environment) {
        this(classLoader, CustomCode.unsafeCodeAllowedBy(environment));
    }

    private SourceLoader(ClassLoader classLoader, boolean unsafeCodeAllowed) {
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.unsafeCodeAllowed = unsafeCodeAllowed;
        this.classes = new SourceClasses(classLoader);
    }

    /** A loader like this one that runs custom components in manifests given as data too (an explicit allow). */
    public SourceLoader allowingUnsafeCode() {
        return new SourceLoader(classLoader, true);
    }

    /** Builds the source at {@code location}; throws a {@link dev.sluice.source.ConnectorException} if it cannot. */
    public Source load(SourceLocation location) {
        return location.loadWith(this);
    }

    /** The SPEC of the source at {@code location}, without building more of it than the SPEC needs. */
    public ConnectorSpecification spec(SourceLocation location) {
        return location.specWith(this);
    }

    /**
     * What a manifest may load: a manifest the operator chose ({@code chosen}: a file, a class-path resource) runs
     * custom components; one given as data runs them only when this loader allows unsafe code.
     */
    CustomCode customCode(boolean chosen) {
        if (chosen || unsafeCodeAllowed) {
            return CustomCode.allowed(classLoader);
        }
        return CustomCode.refused(classLoader, "This manifest was given as data (inline, or injected in the config "
                + "as the Connector Builder does), and its custom components would run Java code from the class "
                + "path, which is allowed only where the operator permits it: set the environment variable "
                + CustomCode.UNSAFE_CODE_VARIABLE + "=true for the connector, or give the manifest as a file "
                + "(--manifest).");
    }

    /** The class-path resource {@code name} as text, read with this loader's class loader. */
    String resource(String name) {
        InputStream in = classLoader.getResourceAsStream(name.startsWith("/") ? name.substring(1) : name);
        if (in == null) {
            throw new ConfigException("No manifest resource " + name + " on the class path. Searched: "
                    + ClassPaths.describe(classLoader));
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the manifest resource " + name + ": " + e.getMessage(), e);
        }
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
