package dev.sluice.declarative.requester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.KindUnion;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code HttpRequester.request_parameters} admits: one template that renders a mapping, or a mapping whose
 * values are templates, plus at most one {@code QueryProperties} (its chunk is sent comma-joined under its key).
 * <pre>{@code
 * request_parameters: "{{ config['extra_parameters'] }}"
 * request_parameters:
 *   archived: "false"
 *   properties: {type: QueryProperties, property_list: [firstname, lastname]}
 * }</pre>
 */
@KindUnion
public sealed interface RequestParametersSpec permits RequestParametersSpec.Template, RequestParametersSpec.Entries {

    /** What {@link RequestTemplates} renders: the template text, or the mapping without the query properties. */
    JsonNode templates();

    /** The key and the {@code QueryProperties} given among the parameters, if any. */
    default Map.@Nullable Entry<String, ParameterComponentSpec> queryProperties() {
        return null;
    }

    record Template(String template) implements RequestParametersSpec {
        @Override
        public JsonNode templates() {
            return Json.nodes().textNode(template);
        }
    }

    record Entries(Map<String, RequestParameterSpec> entries) implements RequestParametersSpec {
        public Entries {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            long count = entries.values().stream().filter(RequestParameterSpec.Properties.class::isInstance).count();
            if (count > 1) {
                throw new IllegalArgumentException(
                        "request_parameters only supports defining one QueryProperties field, but found " + count
                                + " usages");
            }
        }

        @Override
        public JsonNode templates() {
            ObjectNode texts = Json.object();
            entries.forEach((key, value) -> {
                if (value instanceof RequestParameterSpec.Text text) {
                    texts.put(key, text.value());
                }
            });
            return texts;
        }

        @Override
        public Map.@Nullable Entry<String, ParameterComponentSpec> queryProperties() {
            for (Map.Entry<String, RequestParameterSpec> entry : entries.entrySet()) {
                if (entry.getValue() instanceof RequestParameterSpec.Properties properties) {
                    return Map.entry(entry.getKey(), properties.component());
                }
            }
            return null;
        }
    }
}
