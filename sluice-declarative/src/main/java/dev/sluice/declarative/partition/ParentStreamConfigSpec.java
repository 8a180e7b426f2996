package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ParentStreamConfig} — one parent of a {@code SubstreamPartitionRouter}: each record of
 * {@code stream} gives a partition {@code {<partition_field>: <record at parent_key>, "parent_slice": {...}}}.
 * With {@code incremental_dependency} the parent is read incrementally from the state stored under
 * {@code parent_state}. {@code lazy_read_pointer} is accepted, but every partition is requested from the API
 * (the records embedded in the parent record are put in {@code extra_fields.child_response} only).
 * <pre>{@code
 * parent_stream_configs:
 *   - type: ParentStreamConfig
 *     stream: "#/definitions/streams/projects"
 *     parent_key: id
 *     partition_field: project_id
 *     request_option: {type: RequestOption, inject_into: request_parameter, field_name: project}
 *     extra_fields: [["updated_at"]]
 * }</pre>
 */
@JsonTypeName("ParentStreamConfig")
public record ParentStreamConfigSpec(
        @JsonProperty(value = "stream", required = true) ParentStreamSpec stream,
        @JsonProperty(value = "parent_key", required = true) String parentKey,
        @JsonProperty(value = "partition_field", required = true) String partitionField,
        @JsonProperty("request_option") @Nullable RequestOptionSpec requestOption,
        @JsonProperty("incremental_dependency") @Nullable Boolean incrementalDependency,
        @JsonProperty("lazy_read_pointer") @Nullable List<String> lazyReadPointer,
        @JsonProperty("extra_fields") @Nullable List<List<String>> extraFields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public ParentStreamConfigSpec {
        java.util.Objects.requireNonNull(stream, "stream is required");
        java.util.Objects.requireNonNull(parentKey, "parent_key is required");
        java.util.Objects.requireNonNull(partitionField, "partition_field is required");
        lazyReadPointer = lazyReadPointer == null ? List.of() : List.copyOf(lazyReadPointer);
        extraFields = extraFields == null ? List.of() : extraFields.stream().map(List::copyOf).toList();
        if (lazyReadPointer.stream().anyMatch(part -> part.contains("*"))) {
            throw new IllegalArgumentException("The '*' wildcard in 'lazy_read_pointer' is not supported — only direct "
                    + "paths are allowed.");
        }
    }

    boolean isIncrementalDependency() {
        return Boolean.TRUE.equals(incrementalDependency);
    }

    SubstreamPartitionRouter.Parent build(BuildContext context, StreamState childState) {
        JsonNode params = BuildContext.parameters(parameters);
        ParentStream parent = stream.build(context);
        List<List<String>> extra = extraFields.stream()
                .map(path -> path.stream().map(part -> eval(part, params, context)).toList()).toList();
        List<String> lazy = lazyReadPointer.stream().map(part -> eval(part, params, context)).toList();
        return new SubstreamPartitionRouter.Parent(parent, eval(parentKey, params, context),
                eval(partitionField, params, context), requestOption == null ? null : requestOption.build(context),
                isIncrementalDependency(), extra, lazy, parentState(parent, childState));
    }

    /**
     * The parent's incoming state, from the child's (only with {@code incremental_dependency}): its entry in
     * {@code parent_state}, else the child's global {@code state}, else a child state of a single value read as
     * the parent's cursor value.
     */
    private StreamState parentState(ParentStream parent, StreamState childState) {
        ObjectNode child = childState.json().deepCopy();
        child.remove(StreamState.NO_CURSOR);
        if (!isIncrementalDependency() || child.isEmpty()) {
            return StreamState.empty();
        }
        if (child.path("parent_state").get(parent.name()) instanceof ObjectNode stored) {
            return new StreamState(stored.deepCopy());
        }
        if (child.get("state") instanceof ObjectNode global) {
            return new StreamState(global.deepCopy());
        }
        if (child.size() == 1 && !parent.cursorField().isEmpty() && !child.has("parent_state")) {
            Iterator<Map.Entry<String, JsonNode>> only = child.fields();
            ObjectNode state = Json.object();
            state.set(parent.cursorField().get(0), only.next().getValue());
            return new StreamState(state);
        }
        return StreamState.empty();
    }

    private static String eval(String text, JsonNode params, BuildContext context) {
        return InterpolatedString.of(text, params).evalString(context.interpolation());
    }
}
