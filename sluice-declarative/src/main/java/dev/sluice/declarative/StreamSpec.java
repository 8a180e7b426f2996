package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.partition.ParentStreamSpec;

/** What the manifest's {@code streams} items (and a parent stream config's {@code stream}) admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DeclarativeStreamSpec.class), @JsonSubTypes.Type(StateDelegatingStreamSpec.class)})
public sealed interface StreamSpec extends ParentStreamSpec permits DeclarativeStreamSpec, StateDelegatingStreamSpec {

    @Override
    DeclarativeStream build(BuildContext context);

    /** The stream's name as the catalog shows it. */
    String streamName();
}
