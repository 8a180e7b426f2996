package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a sealed interface: a manifest value that the upstream schema types as {@code anyOf} over JSON kinds,
 * such as {@code request_parameters} (a template string, or a mapping) or {@code QueryProperties.property_list}
 * (a list of names, or a {@code PropertiesFromEndpoint} mapping).
 *
 * <p>Each permitted record wraps exactly one component, whose type decides the kind of value it takes: a
 * string, number, boolean or enum takes a scalar; a collection takes a list; anything else (a spec record, a
 * slot, a map, an {@code ObjectNode}) takes a mapping. No two records take the same kind. The binder picks
 * the record by the kind of the value and binds the value to its component; the validator walks the value
 * as the component's type, and reports a value of a kind no record takes ("expected a string or a mapping,
 * found a list").
 * <pre>{@code
 * @KindUnion
 * public sealed interface PropertyListSpec permits PropertyListSpec.Names, PropertyListSpec.Endpoint {
 *     record Names(List<String> names) implements PropertyListSpec {}
 *     record Endpoint(PropertiesFromEndpointSpec endpoint) implements PropertyListSpec {}
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KindUnion {
}
