package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamState;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: IncrementingCountCursor} — incremental sync on an integer record field that only grows (an id):
 * one request range from {@code start_value} (an int or a template, default 0) or the state's value, whichever is
 * greater. It cannot be combined with a partition router.
 * <pre>{@code
 * incremental_sync:
 *   type: IncrementingCountCursor
 *   cursor_field: id
 *   start_value: 0
 *   start_value_option: {type: RequestOption, inject_into: request_parameter, field_name: since_id}
 * }</pre>
 */
@JsonTypeName("IncrementingCountCursor")
public record IncrementingCountCursorSpec(
        @JsonProperty(value = "cursor_field", required = true) String cursorField,
        @JsonProperty("start_value") @Nullable String startValue,
        @JsonProperty("start_value_option") @Nullable RequestOptionSpec startValueOption,
        @JsonProperty("allow_catalog_defined_cursor_field") @Nullable Boolean allowCatalogDefinedCursorField,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements IncrementalSyncSpec {

    public IncrementingCountCursorSpec {
        java.util.Objects.requireNonNull(cursorField, "cursor_field is required");
    }

    @Override
    public IncrementalSync build(BuildContext context, String streamName) {
        String field = cursorFieldForRead(context, streamName);
        long start = startValue(context);
        RequestOption option = startValueOption == null ? null : startValueOption.build(context);
        return new IncrementalSync() {
            @Override
            public String cursorField() {
                return field;
            }

            @Override
            public StreamCursor cursor(StreamState state, @Nullable PartitionRouter router) {
                if (router != null) {
                    throw new ManifestException("The low-code framework does not currently support usage of a "
                            + "PartitionRouter and an IncrementingCountCursor at the same time. Please specify only one "
                            + "of these options for stream " + streamName + ".");
                }
                return new IncrementingCountCursor(field, start, state.json());
            }

            @Override
            public RequestOptions requestOptions(StreamSlice slice) {
                JsonNode value = slice.cursorSlice().get(IncrementingCountCursor.START);
                return option == null || value == null ? RequestOptions.NONE : option.inject(value);
            }
        };
    }

    private long startValue(BuildContext context) {
        if (startValue == null) {
            return 0;
        }
        String text = InterpolatedString.of(startValue, BuildContext.parameters(parameters))
                .evalString(context.interpolation()).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "start_value must render to an integer, got '"
                    + text + "'");
        }
    }
}
