package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.ValidatedAs;

/**
 * A dynamic stream's {@code stream_template}: validated as a stream ({@code DeclarativeStream} or
 * {@code StateDelegatingStream}), kept as its resolved manifest tree, because the components resolver writes its
 * mappings into copies of that tree before each generated stream is bound.
 */
@ValidatedAs(StreamSpec.class)
public record StreamTemplate(ObjectNode tree) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StreamTemplate {
        tree = requireNonNull(tree, "stream_template is required").deepCopy();
    }

    /** A copy: resolvers work on their own copies. */
    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }
}
