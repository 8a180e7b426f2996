package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.auth.OAuthAuthenticatorSpec;
import dev.sluice.protocol.FailureType;
import dev.sluice.runner.Secrets;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code check.config_overrides}: values laid over the config for the check only, as the reference's
 * {@code ConcurrentDeclarativeSource._config_overridden_for_check} does — verbatim (never rendered), one level deep
 * (an object value replaces the user's object), after the config was configured and validated. Refused, as a
 * system error of the manifest: keys of the platform's {@code __airbyte} namespace, and any override in a manifest
 * whose OAuth authenticator writes the config back ({@code refresh_token_updater}), whose CONTROL message would
 * make the check-only values the connection's saved config. Override values at secret properties are masked.
 */
final class CheckOverrides {

    private static final Logger log = LoggerFactory.getLogger(CheckOverrides.class);
    private static final String RESERVED_PREFIX = "__airbyte";
    private static final int MAX_DEPTH = 200;

    private CheckOverrides() {
    }

    static Config apply(ObjectNode overrides, Config config, DeclarativeSourceSpec manifest, RunContext run) {
        if (overrides.isEmpty()) {
            return config;
        }
        Set<String> keys = new TreeSet<>();
        overrides.fieldNames().forEachRemaining(keys::add);
        refuseReservedKeys(keys);
        if (writesBackConfig(manifest, 0)) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "This connector's manifest is invalid: "
                    + "`config_overrides` cannot be used by a manifest that declares a `refresh_token_updater`. A token "
                    + "refresh during `check` emits the whole config as a CONNECTOR_CONFIG control message, which the "
                    + "platform persists, so the check-only override(s) " + keys + " would be saved as this "
                    + "connection's config.", "config_overrides rejected: manifest persists config via "
                    + "refresh_token_updater. Remove `config_overrides` from the check component, or drop the "
                    + "`refresh_token_updater`.", null);
        }
        if (manifest.spec() != null) {
            warnOnUndeclaredKeys(keys, manifest.spec().connectionSpecification());
            Secrets.values(manifest.spec().connectionSpecification(), new Config(overrides))
                    .forEach(run.secrets()::add);
        }
        // Keys only: an override may set a secret field.
        log.info("Overriding config keys for the check operation: {}", String.join(", ", keys));
        ObjectNode merged = config.json().deepCopy();
        overrides.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue().deepCopy()));
        return new Config(merged);
    }

    private static void refuseReservedKeys(Set<String> keys) {
        List<String> reserved = keys.stream().filter(key -> key.startsWith(RESERVED_PREFIX)).toList();
        if (!reserved.isEmpty()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "This connector's manifest is invalid: its check "
                    + "component overrides the reserved config key(s) " + reserved + ". Keys prefixed with "
                    + "`__airbyte` belong to the platform, not to the connector's spec.",
                    "config_overrides rejected: reserved __airbyte key(s) " + reserved + "; use stream_names to "
                    + "choose the checked streams", null);
        }
    }

    private static void warnOnUndeclaredKeys(Set<String> keys, ObjectNode connectionSpecification) {
        Set<String> declared = new HashSet<>();
        if (!declaredProperties(connectionSpecification, declared, 0)) {
            return;
        }
        List<String> unknown = keys.stream().filter(key -> !declared.contains(key)).toList();
        if (!unknown.isEmpty()) {
            log.warn("Check-only config override(s) {} are not declared in the connector spec, so they will have no "
                    + "effect on any component that reads the config by field name.", unknown);
        }
    }

    /** Adds the property names a schema declares (through {@code allOf}/{@code anyOf}/{@code oneOf} too); false when it lists none. */
    private static boolean declaredProperties(JsonNode schema, Set<String> names, int depth) {
        if (!schema.isObject() || depth > MAX_DEPTH) {
            return false;
        }
        boolean found = false;
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            found = true;
            properties.fieldNames().forEachRemaining(names::add);
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = schema.get(keyword);
            if (branches != null && branches.isArray()) {
                for (JsonNode branch : branches) {
                    found |= declaredProperties(branch, names, depth + 1);
                }
            }
        }
        return found;
    }

    /** Whether any OAuth authenticator of the manifest writes rotated tokens back into the config. */
    private static boolean writesBackConfig(@Nullable Object spec, int depth) {
        if (spec == null || spec instanceof JsonNode || depth > MAX_DEPTH) {
            return false;
        }
        if (spec instanceof OAuthAuthenticatorSpec oauth) {
            return oauth.refreshTokenUpdater() != null;
        }
        if (spec instanceof Collection<?> values) {
            return values.stream().anyMatch(value -> writesBackConfig(value, depth + 1));
        }
        if (spec instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(value -> writesBackConfig(value, depth + 1));
        }
        if (spec instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (writesBackConfig(read(component, record), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static @Nullable Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
