package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code start_time_option} and {@code end_time_option}: the window's formatted boundaries (the slice values at
 * {@code partition_field_start} and {@code partition_field_end}) put into the request.
 */
final class DatetimeRequestOptions {

    private final @Nullable RequestOption startOption;
    private final @Nullable RequestOption endOption;
    private final String startKey;
    private final String endKey;

    DatetimeRequestOptions(@Nullable RequestOption startOption, @Nullable RequestOption endOption, String startKey,
            String endKey) {
        this.startOption = startOption;
        this.endOption = endOption;
        this.startKey = startKey;
        this.endKey = endKey;
    }

    static DatetimeRequestOptions of(DatetimeBasedCursorSpec spec, BuildContext context) {
        return new DatetimeRequestOptions(option(spec.startTimeOption(), context), option(spec.endTimeOption(), context),
                spec.evaluatedKey(spec.partitionFieldStart(), "start_time", context),
                spec.evaluatedKey(spec.partitionFieldEnd(), "end_time", context));
    }

    static @Nullable RequestOption option(@Nullable RequestOptionSpec spec, BuildContext context) {
        return spec == null ? null : spec.build(context);
    }

    RequestOptions of(StreamSlice slice) {
        RequestOptions options = RequestOptions.NONE;
        options = inject(options, startOption, slice.cursorSlice().get(startKey));
        return inject(options, endOption, slice.cursorSlice().get(endKey));
    }

    private static RequestOptions inject(RequestOptions options, @Nullable RequestOption option, @Nullable JsonNode value) {
        if (option == null || value == null || value.isNull()) {
            return options;
        }
        return options.plus(option.inject(value));
    }
}
