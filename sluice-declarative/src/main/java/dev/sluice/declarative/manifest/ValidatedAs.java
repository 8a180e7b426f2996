package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
/**
 * The validator walks a value that binds as free JSON ({@code JsonNode}) as {@link #value()} (a record, slot or
 * {@link KindUnion}), so a wrong key, kind or {@code type} is reported with its path and line like anywhere else;
 * binding is unchanged.
 * <ul>
 *   <li>On a record component holding structure the upstream schema defines ({@code Spec.advanced_auth}, a
 *       {@code MinMaxDatetime}).</li>
 *   <li>On a spec record that keeps the manifest tree of its value (bound by a delegating creator taking a
 *       {@code JsonNode}) because a component rewrites that tree before binding it: a dynamic stream's
 *       {@code stream_template}, validated as a stream, kept as a tree for the resolver's mappings.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface ValidatedAs {

    /** The type (a slot, a spec record or a {@link KindUnion}) the value is validated as. */
    Class<?> value();
}
