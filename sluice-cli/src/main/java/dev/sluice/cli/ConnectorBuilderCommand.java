package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.builder.handler.ConnectorBuilderHandler;
import dev.sluice.builder.testread.TestReader;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.runner.ErrorTraces;
import dev.sluice.runner.Secrets;
import dev.sluice.source.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice connector-builder read --config C --catalog K [--state S]}: the drop-in for the reference's
 * {@code python -m airbyte_cdk.connector_builder.main read ...}. The config carries {@code __command},
 * {@code __injected_declarative_manifest} and {@code __test_read_config}; exactly one message is printed (a RECORD
 * with the answer, or an error TRACE), and the exit code is 0 either way, as the reference's.
 */
@Command(name = "connector-builder", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Answer a Connector Builder request (test_read, resolve_manifest, full_resolve_manifest).",
        subcommands = ConnectorBuilderCommand.Read.class)
final class ConnectorBuilderCommand {

    /** The only command the reference's builder entry point accepts. */
    @Command(name = "read", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            description = "Run the config's __command on its __injected_declarative_manifest; print one message.")
    static final class Read implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The config: __command, __injected_declarative_manifest, __test_read_config and the "
                        + "connector's own keys.")
        Path config;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "The configured catalog naming the one stream to read (test_read).")
        @Nullable Path catalog;

        @Option(names = "--state", paramLabel = "FILE", description = "The state to read from (test_read).")
        @Nullable Path state;

        @Mixin
        ClasspathOption classpath = new ClasspathOption();

        /** Set by {@link Main}'s factory: the protocol writer, the only code that prints on standard output. */
        @Nullable MessageWriter writer;

        @Override
        public Integer call() {
            MessageWriter out = java.util.Objects.requireNonNull(writer, "no writer was given to the command");
            Clock clock = Clock.systemUTC();
            AirbyteMessage answer;
            try (ClasspathOption.OutsideClasses classes = classpath.open()) {
                JsonNode configJson = Json.read(config);
                out.maskSecrets(declaredSecrets(configJson));
                // As the reference: the catalog and state are read for test_read only.
                boolean testRead = "test_read".equals(configJson.path(ConnectorBuilderHandler.COMMAND).asText());
                JsonNode catalogJson = testRead && catalog != null ? Json.read(catalog) : null;
                JsonNode stateJson = testRead && state != null ? Json.read(state) : null;
                CustomCode code = CustomCode.unsafeCodeAllowedBy(System.getenv())
                        ? CustomCode.allowed(classes.loader())
                        : CustomCode.refused(classes.loader(), "The Connector Builder runs the custom components of "
                                + "an injected manifest only when " + CustomCode.UNSAFE_CODE_VARIABLE + "=true.");
                answer = new ConnectorBuilderHandler(new TestReader(), code, clock)
                        .handle(configJson, catalogJson, stateJson);
            } catch (IOException | RuntimeException e) {
                AirbyteTrace.TraceError cause = ErrorTraces.of(e, null);
                answer = AirbyteTrace.error(clock.millis(), new AirbyteTrace.TraceError("Error handling request: "
                        + cause.message(), cause.internalMessage(), cause.stackTrace(), cause.failureType(), null));
            }
            out.write(answer);
            out.flush();
            return 0;
        }

        /** The config's values at the injected manifest's {@code airbyte_secret} properties, masked in the output. */
        private static SecretMasker declaredSecrets(JsonNode config) {
            JsonNode specification = config.path(ConnectorBuilderHandler.MANIFEST).path("spec")
                    .path("connection_specification");
            if (!specification.isObject() || !config.isObject()) {
                return SecretMasker.none();
            }
            try {
                return Secrets.masker(specification, Config.of(config));
            } catch (RuntimeException e) {
                return SecretMasker.none();
            }
        }
    }
}
