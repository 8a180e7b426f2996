package dev.sluice.declarative.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the object a custom component's {@code class_name} names: checks that the manifest may run custom code
 * ({@link CustomCode}), loads the class from the source's class loader, checks that it implements the slot's
 * interface, and constructs it with a {@link CustomComponentContext} (or no arguments). Every failure is a
 * {@link ConnectorException} naming the component's YAML path and line:
 * <ul>
 *   <li>custom code refused (a manifest given as data, not allowed): {@code config_error} saying how to allow it;
 *   <li>no such class: {@code config_error} naming the class and what the class loader searched, or, for a name
 *       of a Python module's form ({@code source_x.components.Foo}, {@code components.Foo}), saying that Python
 *       components cannot run here and how to write the Java one;
 *   <li>a class that does not implement the slot's interface, is abstract or has no usable public constructor:
 *       {@code config_error} naming what was expected;
 *   <li>a constructor that throws: {@code system_error} with the cause (a {@link ConnectorException} it throws
 *       passes through, located).
 * </ul>
 */
public final class CustomComponents {

    /** {@code components.Foo}, {@code source_x.components.Foo}, {@code source_declarative_manifest.components.Foo}. */
    private static final Pattern PYTHON_FORM =
            Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)*components\\.[A-Za-z_][A-Za-z0-9_]*|source_[a-z0-9_]*\\..+");

    private CustomComponents() {
    }

    /**
     * The component's object.
     *
     * @param slot       the interface of the slot, which the class must implement
     * @param type       the component's {@code type}, e.g. {@code CustomRequester}
     * @param spec       the spec record, whose location the build context knows
     * @param fields     the component's other fields (null for none)
     * @param parameters the component's {@code $parameters} (null for none)
     */
    public static <T> T create(Class<T> slot, String type, Object spec, String className,
            @Nullable Map<String, JsonNode> fields, @Nullable ObjectNode parameters, BuildContext context) {
        SpecLocation location = context.location(spec);
        CustomCode code = context.customCode();
        if (!code.isAllowed()) {
            throw configError(type + " " + className + " was not loaded: " + code.refusal(), location, null);
        }
        Class<? extends T> found = find(slot, type, className, code, location);
        Constructor<? extends T> constructor = constructorOf(found, type, location);
        ObjectNode json = Json.object();
        if (fields != null) {
            fields.forEach(json::set);
        }
        try {
            return constructor.getParameterCount() == 0 ? constructor.newInstance()
                    : constructor.newInstance(new CustomComponentContext(className, json,
                            parameters == null ? Json.object() : parameters, context, location));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectorException connector) {
                throw location.isKnown() ? connector.locatedAt(location.describe()) : connector;
            }
            throw failed(type, className, cause, location);
        } catch (ReflectiveOperationException | ExceptionInInitializerError e) {
            throw failed(type, className, e instanceof ExceptionInInitializerError init && init.getCause() != null
                    ? init.getCause() : e, location);
        }
    }

    /** Whether {@code className} reads as a Python class in a components module rather than a Java class. */
    static boolean looksLikePython(String className) {
        return PYTHON_FORM.matcher(className).matches();
    }

    private static <T> Class<? extends T> find(Class<T> slot, String type, String className, CustomCode code,
            SpecLocation location) {
        Class<?> found;
        try {
            found = Class.forName(className, false, code.classLoader());
        } catch (ClassNotFoundException e) {
            if (looksLikePython(className)) {
                throw configError(type + " names " + className + ", a Python class of a components module: Python "
                        + "components cannot run in Sluice. Write it in Java: a public class implementing "
                        + slot.getName() + ", with a public constructor taking a " + CustomComponentContext.class
                        .getName() + " (its fields and $parameters) or none; put its jar or classes folder on the "
                        + "class path (./sluice --classpath PATH, or SLUICE_CLASSPATH) and set class_name to its full "
                        + "Java name, e.g. com.example.connector." + simpleName(className)
                        + " (see docs/custom-components.md). Searched: " + code.searchPath(), location, e);
            }
            throw configError(type + ": no class " + className + " on the class path. Searched: "
                    + code.searchPath(), location, e);
        } catch (LinkageError e) {
            // The class is there but something it needs is not: as much a class-path problem as a missing class.
            throw configError(type + ": cannot load " + className + " (" + e + "). Searched: " + code.searchPath(),
                    location, e);
        }
        if (!slot.isAssignableFrom(found)) {
            throw configError(type + ": " + className + " does not implement " + slot.getName()
                    + ", the interface of this slot", location, null);
        }
        if (found.isInterface() || Modifier.isAbstract(found.getModifiers())) {
            throw configError(type + ": " + className + " is abstract; name a concrete class implementing "
                    + slot.getName(), location, null);
        }
        if (!Modifier.isPublic(found.getModifiers())) {
            throw configError(type + ": " + className + " is not public", location, null);
        }
        return found.asSubclass(slot);
    }

    private static <T> Constructor<? extends T> constructorOf(Class<? extends T> type, String kind,
            SpecLocation location) {
        try {
            return type.getConstructor(CustomComponentContext.class);
        } catch (NoSuchMethodException withoutContext) {
            try {
                return type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw configError(kind + ": " + type.getName() + " needs a public constructor taking a "
                        + CustomComponentContext.class.getName() + ", or a public no-argument constructor",
                        location, e);
            }
        }
    }

    private static ConnectorException failed(String type, String className, Throwable cause, SpecLocation location) {
        String message = type + ": constructing " + className + " failed: " + cause;
        return located(new ConnectorException(FailureType.SYSTEM_ERROR, withPlace(message, location), message, cause),
                location);
    }

    private static ConnectorException configError(String message, SpecLocation location, @Nullable Throwable cause) {
        return located(new ConnectorException(FailureType.CONFIG_ERROR, withPlace(message, location), message, cause),
                location);
    }

    /** The user message names the place too: an author fixing a class name needs the line. */
    private static String withPlace(String message, SpecLocation location) {
        return location.isKnown() ? message + " (" + location.describe() + ")" : message;
    }

    private static ConnectorException located(ConnectorException error, SpecLocation location) {
        return location.isKnown() ? error.locatedAt(location.describe()) : error;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
