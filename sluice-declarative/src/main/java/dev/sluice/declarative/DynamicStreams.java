package dev.sluice.declarative;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.resolver.ComponentsResolver;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The streams of every {@code dynamic_streams} definition for one config, with unique names across all of them. */
final class DynamicStreams {

    private DynamicStreams() {
    }

    /**
     * In definition order, each definition's streams in its resolver's order.
     *
     * @throws ConnectorException when two generated streams share a name: {@code config_error} when the second came
     *     from a {@code ConfigComponentsResolver} (the config's values collide), {@code system_error} otherwise
     */
    static List<GeneratedStream> generate(List<DynamicDeclarativeStreamSpec> definitions, BuildContext context) {
        List<GeneratedStream> streams = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < definitions.size(); index++) {
            DynamicDeclarativeStreamSpec definition = definitions.get(index);
            ComponentsResolver resolver = definition.resolver(context);
            for (GeneratedStream stream : definition.generate(resolver, index)) {
                if (!seen.add(stream.streamName())) {
                    throw duplicate(stream, resolver.duplicateNameFailure());
                }
                streams.add(stream);
            }
        }
        return streams;
    }

    private static ConnectorException duplicate(GeneratedStream stream, FailureType failureType) {
        String message = "Two dynamic streams are named '" + stream.streamName() + "' ("
                + stream.dynamicStreamName() + ")" + (failureType == FailureType.CONFIG_ERROR
                ? "; the config lists that name twice" : "; the manifest's resolver generated it twice");
        return new ConnectorException(failureType, message);
    }
}
