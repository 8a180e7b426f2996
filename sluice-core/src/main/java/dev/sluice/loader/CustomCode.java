package dev.sluice.loader;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a manifest may run the Java classes its custom components name ({@code class_name}), and where they are
 * loaded from: the class loader the {@link SourceLoader} was given. Loading such a class runs its code, so a
 * manifest given as a file or a class-path resource (chosen by whoever runs the connector) may, while a manifest
 * that arrives as data (inline YAML, a JSON object such as a config's {@code __injected_declarative_manifest}, the
 * Connector Builder's path) may only when the environment allows unsafe code ({@value #UNSAFE_CODE_VARIABLE}
 * {@code =true}, as the reference gates it) or the loader was told so explicitly.
 *
 * @param refusal why custom components may not run here and how to allow them, or null when they may
 */
public record CustomCode(ClassLoader classLoader, @Nullable String refusal) {

    /** The environment variable that allows custom components in manifests given as data. */
    public static final String UNSAFE_CODE_VARIABLE = "AIRBYTE_ENABLE_UNSAFE_CODE";

    public CustomCode {
        requireNonNull(classLoader, "classLoader is null");
    }

    /** Custom components may run, loaded from {@code classLoader}. */
    public static CustomCode allowed(ClassLoader classLoader) {
        return new CustomCode(classLoader, null);
    }

    /** Custom components may not run: {@code refusal} says why and how to allow them. */
    public static CustomCode refused(ClassLoader classLoader, String refusal) {
        return new CustomCode(classLoader, requireNonNull(refusal, "refusal is null"));
    }

    /**
     * Whether {@code environment} allows custom components in manifests given as data: {@value #UNSAFE_CODE_VARIABLE}
     * is {@code true} (in any case, surrounding blanks ignored).
     */
    public static boolean unsafeCodeAllowedBy(Map<String, String> environment) {
        String value = environment.get(UNSAFE_CODE_VARIABLE);
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    public boolean isAllowed() {
        return refusal == null;
    }

    /** What the class loader searches, in words for an error message (the entries of its URL class loaders). */
    public String searchPath() {
        return ClassPaths.describe(classLoader);
    }
}
