package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RecordFilter} — keeps the records for which {@code condition} is true; the condition sees
 * {@code record}, {@code stream_slice} (and aliases), {@code next_page_token}, {@code config} and
 * {@code parameters}.
 * <pre>{@code record_filter: {condition: "{{ record['status'] != 'archived' }}"}}</pre>
 */
@JsonTypeName("RecordFilter")
public record RecordFilterSpec(
        @JsonProperty("condition") @Nullable String condition,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements RecordFilterSlotSpec {

    /** The filter; null when there is no condition (every record is kept). */
    @Override
    public @Nullable BiPredicate<ObjectNode, RecordContext> build(BuildContext context) {
        if (condition == null || condition.isEmpty()) {
            return null;
        }
        InterpolatedBoolean test = InterpolatedBoolean.of(condition, BuildContext.parameters(parameters));
        SpecLocation location = context.location(this);
        return (record, recordContext) -> location.around(() -> test.eval(recordContext.forRecord(record)));
    }
}
