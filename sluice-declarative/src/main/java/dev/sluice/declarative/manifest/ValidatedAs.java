package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record component that binds as free JSON ({@code JsonNode}) but holds structure the upstream schema defines
 * ({@code Spec.advanced_auth}, a {@code MinMaxDatetime}): the validator walks its value as {@link #value()} (a record,
 * slot or {@link KindUnion}), so a wrong key, kind or {@code type} is reported with its path and line like anywhere
 * else. Binding is unchanged: the component still receives the JSON.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ValidatedAs {

    /** The type whose shape the value must have. */
    Class<?> value();
}
