package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.List;

/** The values of a {@link ConfigComponentsResolverSpec}: one per combination of its stream configs' values. */
final class ConfigCombinations {

    private ConfigCombinations() {
    }

    /** One value of a stream config with its index among that config's values. */
    private record Indexed(int index, JsonNode value) {
    }

    /**
     * Every combination of one value of each stream config (the first config varies slowest), collapsed into one
     * mapping: a mapping value is merged in, any other kept as {@code source_config_<config index>: [index, value]}
     * unless that key is taken (the reference's {@code _merge_combination}).
     */
    static List<ObjectNode> combinations(List<StreamConfigSpec> streamConfigs, BuildContext context) {
        List<List<Indexed>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (StreamConfigSpec streamConfig : streamConfigs) {
            List<JsonNode> values = streamConfig.values(context);
            List<List<Indexed>> next = new ArrayList<>();
            for (List<Indexed> combination : combinations) {
                for (int i = 0; i < values.size(); i++) {
                    List<Indexed> longer = new ArrayList<>(combination);
                    longer.add(new Indexed(i, values.get(i)));
                    next.add(longer);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(ConfigCombinations::merge).toList();
    }

    private static ObjectNode merge(List<Indexed> combination) {
        ObjectNode result = Json.object();
        for (int config = 0; config < combination.size(); config++) {
            Indexed element = combination.get(config);
            if (element.value().isObject()) {
                result.setAll(((ObjectNode) element.value()).deepCopy());
            } else if (!result.has("source_config_" + config)) {
                result.set("source_config_" + config,
                        Json.nodes().arrayNode().add(element.index()).add(element.value().deepCopy()));
            }
        }
        return result;
    }
}
