package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * What {@code RecordSelector.record_filter} admits ({@code type} defaults to {@code RecordFilter}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(RecordFilterSpec.class), @JsonSubTypes.Type(CustomRecordFilterSpec.class)})
public sealed interface RecordFilterSlotSpec permits RecordFilterSpec, CustomRecordFilterSpec {

    /** The filter; null when every record is kept. */
    @Nullable BiPredicate<ObjectNode, RecordContext> build(BuildContext context);
}
