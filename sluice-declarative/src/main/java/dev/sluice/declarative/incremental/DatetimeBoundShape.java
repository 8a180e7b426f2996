package dev.sluice.declarative.incremental;

import dev.sluice.declarative.manifest.KindUnion;

/**
 * The shape of {@code start_datetime} and {@code end_datetime} for validation: a template string or a
 * {@code MinMaxDatetime} mapping. The cursor binds the value as JSON and reads it with {@link MinMaxDatetimeSpec#of}.
 */
@KindUnion
sealed interface DatetimeBoundShape permits DatetimeBoundShape.Text, DatetimeBoundShape.Bounded {

    record Text(String datetime) implements DatetimeBoundShape {
    }

    record Bounded(MinMaxDatetimeSpec datetime) implements DatetimeBoundShape {
    }
}
