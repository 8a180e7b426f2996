package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stream a {@code dynamic_streams} definition generated for a config: its resolved manifest (the template with
 * the resolver's mappings applied and {@code $parameters} propagated again, as the reference lists it in
 * {@code dynamic_streams}) and the spec bound from it.
 *
 * @param dynamicStreamName the definition's {@code name}, or {@code dynamic_stream_<index>} when it has none
 * @param definition        the stream's resolved manifest, with {@code dynamic_stream_name} set as in the
 *                          reference's {@code full_resolve_manifest}
 * @param spec              the stream bound from {@code definition}
 */
public record GeneratedStream(String dynamicStreamName, ObjectNode definition, StreamSpec spec) {

    public GeneratedStream {
        requireNonNull(dynamicStreamName, "dynamicStreamName is null");
        definition = requireNonNull(definition, "definition is null").deepCopy();
        requireNonNull(spec, "spec is null");
    }

    /** A copy of the resolved manifest. */
    @Override
    public ObjectNode definition() {
        return definition.deepCopy();
    }

    public String streamName() {
        return spec.streamName();
    }
}
