package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: LegacyToPerPartitionStateMigration} — rewrites a legacy substream state
 * {@code {"<parent id>": {"<cursor_field>": v}}} into the per-partition form
 * {@code {"states": [{"partition": {"<partition_field>": "<parent id>"}, "cursor": {"<cursor_field>": v}}]}}.
 * A state already holding {@code states}, or any other shape, is left alone. Its {@code type} may be omitted.
 * <pre>{@code state_migrations: [{type: LegacyToPerPartitionStateMigration}]}</pre>
 */
@JsonTypeName("LegacyToPerPartitionStateMigration")
public record LegacyToPerPartitionStateMigrationSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements StateMigrationSpec {

    @Override
    public UnaryOperator<StreamState> build(BuildContext context, MigrationTarget target) {
        return build(context, target.legacyPartitionField(), target.cursorField(), target.parameters());
    }

    /**
     * The migration for a stream.
     *
     * @param partitionField   the partition field of the stream's single parent stream (or union router); null when
     *                         the router has several parent streams, which the migration leaves alone
     * @param cursorField      the stream cursor's {@code cursor_field}, unevaluated
     * @param streamParameters the stream's parameters, which both fields are evaluated with
     */
    public UnaryOperator<StreamState> build(BuildContext context, @Nullable String partitionField, String cursorField,
            @Nullable ObjectNode streamParameters) {
        JsonNode params = BuildContext.parameters(streamParameters);
        String cursor = InterpolatedString.of(cursorField, params).evalString(context.interpolation());
        String partition = partitionField == null ? null
                : InterpolatedString.of(partitionField, params).evalString(context.interpolation());
        return state -> partition != null && shouldMigrate(state.json(), cursor) ? migrate(state.json(), partition)
                : state;
    }

    private static boolean shouldMigrate(ObjectNode state, String cursorField) {
        if (state.isEmpty() || state.has("states")) {
            return false;
        }
        for (JsonNode value : state) {
            if (!value.isObject() || value.size() != 1 || !value.has(cursorField)) {
                return false;
            }
        }
        return true;
    }

    private static StreamState migrate(ObjectNode state, String partitionField) {
        ObjectNode migrated = Json.object();
        ArrayNode states = migrated.putArray("states");
        for (Iterator<Map.Entry<String, JsonNode>> fields = state.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObjectNode entry = states.addObject();
            entry.putObject("partition").put(partitionField, field.getKey());
            entry.set("cursor", field.getValue().deepCopy());
        }
        return new StreamState(migrated);
    }
}
