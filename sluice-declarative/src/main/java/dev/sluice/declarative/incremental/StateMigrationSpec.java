package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.source.StreamState;
import java.util.function.UnaryOperator;

/** What {@code DeclarativeStream.state_migrations} items admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(LegacyToPerPartitionStateMigrationSpec.class),
        @JsonSubTypes.Type(CustomStateMigrationSpec.class)})
public sealed interface StateMigrationSpec permits LegacyToPerPartitionStateMigrationSpec, CustomStateMigrationSpec {

    /** The migration of the stream {@code target}; applied to its incoming state, in the manifest's order. */
    UnaryOperator<StreamState> build(BuildContext context, MigrationTarget target);
}
