package dev.sluice.loader;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** Code-first sources by class name: found in one class loader, built with their public no-argument constructor. */
final class SourceClasses {

    private final ClassLoader classLoader;

    SourceClasses(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    Source instantiate(String className) {
        Constructor<? extends Source> constructor = constructorOf(find(className));
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectorException connector) {
                throw connector;
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + cause, cause);
        } catch (ReflectiveOperationException | ExceptionInInitializerError e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + e, e);
        }
    }

    private Class<? extends Source> find(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new ConfigException("No class " + className + " on the class path. Searched: "
                    + ClassPaths.describe(classLoader), e);
        } catch (LinkageError e) {
            // The class is there but something it needs is not: as much a class-path problem as a missing class.
            throw new ConfigException("Cannot load " + className + " (" + e + "). Searched: "
                    + ClassPaths.describe(classLoader), e);
        }
        if (!Source.class.isAssignableFrom(type)) {
            throw new ConfigException(className + " is not a " + Source.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ConfigException(className + " is abstract; name a concrete " + Source.class.getName());
        }
        return type.asSubclass(Source.class);
    }

    private static Constructor<? extends Source> constructorOf(Class<? extends Source> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ConfigException(type.getName() + " needs a public no-argument constructor", e);
        }
    }
}
