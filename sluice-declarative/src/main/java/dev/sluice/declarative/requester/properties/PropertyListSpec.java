package dev.sluice.declarative.requester.properties;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.KindUnion;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code QueryProperties.property_list} admits: a list of property names, or a
 * {@code PropertiesFromEndpoint} that fetches them.
 * <pre>{@code
 * property_list: [firstname, lastname, email]
 * property_list: {type: PropertiesFromEndpoint, property_field_path: [name], retriever: {...}}
 * }</pre>
 */
@KindUnion
public sealed interface PropertyListSpec permits PropertyListSpec.Names, PropertyListSpec.Endpoint {

    /** The property names, in order; fetched at most once per stream. */
    Supplier<List<String>> build(BuildContext context);

    /** Property names listed in the manifest. */
    record Names(List<String> names) implements PropertyListSpec {
        public Names {
            names = List.copyOf(names);
        }

        @Override
        public Supplier<List<String>> build(BuildContext context) {
            return () -> names;
        }
    }

    /** Property names fetched from the API. */
    record Endpoint(PropertiesFromEndpointSpec endpoint) implements PropertyListSpec {
        @Override
        public Supplier<List<String>> build(BuildContext context) {
            return endpoint.build(context)::properties;
        }
    }
}
