package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;

/** What the manifest's {@code streams} items admit: a stream, or {@code ConditionalStreams}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(DeclarativeStreamSpec.class),
        @JsonSubTypes.Type(StateDelegatingStreamSpec.class),
        @JsonSubTypes.Type(ConditionalStreamsSpec.class)})
public sealed interface SourceStreamSpec permits DeclarativeStreamSpec, StateDelegatingStreamSpec,
        ConditionalStreamsSpec {

    /** The streams this item stands for with the context's config: a stream itself, or the chosen ones. */
    List<StreamSpec> selected(BuildContext context);

    /** Every stream this item may stand for, whatever the config: for checks made before a config is known. */
    List<StreamSpec> declared();
}
