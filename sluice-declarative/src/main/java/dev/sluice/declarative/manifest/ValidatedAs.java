package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a spec record that keeps the manifest tree of its value (it is bound by a delegating creator taking a
 * {@code JsonNode}), because a component rewrites that tree before binding it: the validator checks the value as
 * {@link #value()} instead of as the record, so the tree is validated like any typed field. A dynamic stream's
 * {@code stream_template} is one: validated as a stream, kept as a tree for the resolver's mappings.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidatedAs {

    /** The type (a slot or a spec record) the value is validated as. */
    Class<?> value();
}
