package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.BackoffStrategy;

/** What {@code backoff_strategies} items admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(ExponentialBackoffStrategySpec.class),
        @JsonSubTypes.Type(ConstantBackoffStrategySpec.class),
        @JsonSubTypes.Type(WaitTimeFromHeaderSpec.class),
        @JsonSubTypes.Type(WaitUntilTimeFromHeaderSpec.class),
        @JsonSubTypes.Type(CustomBackoffStrategySpec.class)})
public sealed interface BackoffStrategySpec permits ExponentialBackoffStrategySpec, ConstantBackoffStrategySpec,
        WaitTimeFromHeaderSpec, WaitUntilTimeFromHeaderSpec, CustomBackoffStrategySpec {

    /**
     * The strategy. Like the reference, the HTTP loop waits one second more than a manifest strategy returns
     * (see {@link Backoffs#plusOneSecond}).
     */
    BackoffStrategy build(BuildContext context);
}
