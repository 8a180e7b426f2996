package dev.sluice.builder.handler;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.resolve.ManifestResolver;
import dev.sluice.builder.testread.StreamRead;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.builder.testread.TestReader;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.ErrorTraces;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Answers one Connector Builder request — the config's {@code __command} ({@code test_read},
 * {@code resolve_manifest}, {@code full_resolve_manifest}) on its {@code __injected_declarative_manifest} — with
 * exactly one message: a RECORD holding the answer, or a TRACE error worded as the reference's
 * ({@code connector_builder/main.py} and {@code connector_builder_handler.py}).
 */
public final class ConnectorBuilderHandler {

    public static final String COMMAND = "__command";
    public static final String MANIFEST = "__injected_declarative_manifest";
    public static final String TEST_READ_CONFIG = "__test_read_config";

    private final TestReader reader;
    private final ManifestResolver resolver;
    private final CustomCode customCode;
    private final Clock clock;

    /**
     * @param customCode where the injected manifest's custom components come from and whether they may run (as
     *                   data, only when {@code AIRBYTE_ENABLE_UNSAFE_CODE=true})
     */
    public ConnectorBuilderHandler(TestReader reader, CustomCode customCode, Clock clock) {
        this.reader = requireNonNull(reader, "reader is null");
        this.resolver = new ManifestResolver();
        this.customCode = requireNonNull(customCode, "customCode is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The one message answering {@code config} (with {@code catalog} and {@code state}, the files' JSON, for
     * {@code test_read}). Never throws: every failure is the TRACE error returned.
     */
    public AirbyteMessage handle(JsonNode config, @Nullable JsonNode catalog, @Nullable JsonNode state) {
        String command;
        ManifestInput manifest;
        TestReadLimits limits;
        try {
            command = command(config);
            manifest = new ManifestInput(config.get(MANIFEST), customCode);
            JsonNode testReadConfig = config.get(TEST_READ_CONFIG);
            limits = testReadConfig == null || !testReadConfig.isObject() ? TestReadLimits.DEFAULTS
                    : TestReadLimits.fromTestReadConfig(testReadConfig);
        } catch (RuntimeException e) {
            return trace("Error handling request: " + text(e), e);
        }
        return switch (command) {
            case "test_read" -> testRead(manifest, config, catalog, state, limits);
            case "resolve_manifest" -> resolve(manifest);
            case "full_resolve_manifest" -> fullResolve(manifest, config, limits);
            default -> trace("Error handling request: Unrecognized command " + command + ".",
                    new ConnectorException(FailureType.CONFIG_ERROR, "Unrecognized command " + command + "."));
        };
    }

    private AirbyteMessage testRead(ManifestInput manifest, JsonNode config, @Nullable JsonNode catalog,
            @Nullable JsonNode state, TestReadLimits limits) {
        String stream;
        try {
            stream = streamOf(catalog);
        } catch (RuntimeException e) {
            return trace("Error handling request: " + text(e), e);
        }
        try {
            StreamRead read = reader.testRead(manifest, config, stream, limits, state);
            return new AirbyteRecord(stream, read.toJson(), clock.millis());
        } catch (RuntimeException e) {
            // The reference names the config and catalog, secrets filtered: Sluice leaves the config out, since
            // its secrets are only known once the manifest's spec is.
            return trace("Error reading stream " + stream + ": " + text(e), e);
        }
    }

    private AirbyteMessage resolve(ManifestInput manifest) {
        try {
            return manifestRecord("resolve_manifest", resolver.resolveManifest(manifest));
        } catch (RuntimeException e) {
            return trace("Error resolving manifest: " + text(e), e);
        }
    }

    private AirbyteMessage fullResolve(ManifestInput manifest, JsonNode config, TestReadLimits limits) {
        try {
            return manifestRecord("full_resolve_manifest", resolver.fullResolveManifest(manifest, config, limits));
        } catch (RuntimeException e) {
            return trace("Error full resolving manifest: " + text(e), e);
        }
    }

    private AirbyteRecord manifestRecord(String stream, JsonNode manifest) {
        ObjectNode data = Json.object();
        data.set("manifest", manifest);
        return new AirbyteRecord(stream, data, clock.millis());
    }

    /** The command, after the reference's checks in {@code get_config_and_catalog_from_args}. */
    private static String command(JsonNode config) {
        if (!config.isObject()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "Invalid config: the config must be a JSON object");
        }
        if (!config.has(COMMAND)) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "Invalid config: `" + COMMAND
                    + "` should be provided at the root of the config but config only has keys " + keys(config));
        }
        if (!config.has(MANIFEST)) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "Invalid config: `" + MANIFEST
                    + "` should be provided at the root of the config but config only has keys " + keys(config));
        }
        return config.get(COMMAND).asText();
    }

    private static String streamOf(@Nullable JsonNode catalog) {
        JsonNode name = catalog == null ? null : catalog.path("streams").path(0).path("stream").get("name");
        if (name == null || !name.isTextual()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR,
                    "`test_read` requires a valid `ConfiguredAirbyteCatalog` naming one stream, got "
                            + (catalog == null ? "None" : "a catalog without streams") + ".");
        }
        return name.asText();
    }

    /** The keys of a config as the reference prints them ({@code ['a', 'b']}). */
    private static String keys(JsonNode config) {
        List<String> names = new ArrayList<>();
        config.fieldNames().forEachRemaining(names::add);
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String text(Throwable failure) {
        return failure instanceof ConnectorException connector ? connector.userMessage()
                : String.valueOf(failure.getMessage());
    }

    private AirbyteTrace trace(String message, Throwable failure) {
        AirbyteTrace.TraceError cause = ErrorTraces.of(failure, null);
        FailureType type = cause.failureType() == null ? FailureType.SYSTEM_ERROR : cause.failureType();
        return AirbyteTrace.error(clock.millis(), new AirbyteTrace.TraceError(message, cause.internalMessage(),
                cause.stackTrace(), type, null));
    }
}
