package dev.sluice.cli;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.lang.reflect.InvocationTargetException;

/** Finds the connector a command runs. */
final class Connectors {

    private Connectors() {
    }

    static Source load(ConnectorOptions options, Config config) {
        options.requireOne();
        if (options.sourceClass != null) {
            return instantiate(options.sourceClass);
        }
        throw new ConfigException("Give a connector with --source CLASS or --manifest FILE");
    }

    static Source instantiate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new ConfigException("No class " + className + " on the classpath", e);
        }
        if (!Source.class.isAssignableFrom(type)) {
            throw new ConfigException(className + " is not a " + Source.class.getName());
        }
        try {
            return (Source) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigException(className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectorException connector) {
                throw connector;
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + e, e);
        }
    }
}
