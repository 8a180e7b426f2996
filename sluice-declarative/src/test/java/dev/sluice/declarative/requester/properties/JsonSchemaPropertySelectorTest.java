package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * property_chunking.md §6.5 ({@code test_json_schema_property_selector.py}). {@code RemoveFields} and
 * {@code KeysReplace} are written here as plain {@link RecordTransformation}s.
 */
class JsonSchemaPropertySelectorTest {

    private static final RecordTransformation REMOVE_ID = (record, context) -> {
        ObjectNode copy = record.deepCopy();
        copy.remove("id");
        return copy;
    };
    private static final RecordTransformation KEYS_REPLACE = (record, context) -> {
        ObjectNode copy = Json.object();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = it.next();
            copy.set(field.getKey().replace("properties_", ""), field.getValue());
        }
        return copy;
    };

    @Test
    void theConfiguredPropertiesAfterTheTransformations() {
        ObjectNode schema = QueryPropertiesTest.schema(
                List.of("id", "first_name", "last_name", "number", "team", "properties_statistics"));
        JsonSchemaPropertySelector selector = new JsonSchemaPropertySelector(schema, List.of(REMOVE_ID, KEYS_REPLACE),
                QueryPropertiesTest.context());

        assertThat(selector.select()).containsExactlyInAnyOrder("first_name", "last_name", "number", "team", "statistics");
        assertThat(schema.get("properties").has("id")).as("the catalog's schema is not changed").isTrue();
    }

    @Test
    void withoutAConfiguredStreamNothingIsFiltered() {
        assertThat(new JsonSchemaPropertySelector(null, List.of(), QueryPropertiesTest.context()).select()).isNull();
    }

    @Test
    void anEmptySchemaSelectsNothing() {
        assertThat(new JsonSchemaPropertySelector(Json.object(), List.of(), QueryPropertiesTest.context()).select())
                .isEmpty();
    }

    @Test
    void theSpecLooksTheStreamUpInTheConfiguredCatalog() {
        JsonSchemaPropertySelectorSpec spec = Specs.bind("type: JsonSchemaPropertySelector",
                JsonSchemaPropertySelectorSpec.class);
        AirbyteStream contacts = new AirbyteStream("contacts", QueryPropertiesTest.schema(List.of("email", "phone")),
                List.of(SyncMode.FULL_REFRESH), null, null, null, null, null, null);
        ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(new ConfiguredAirbyteStream(contacts,
                SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null)));

        assertThat(spec.build(Specs.context(Json.object(), catalog), "contacts").select())
                .containsExactly("email", "phone");
        assertThat(spec.build(Specs.context(Json.object(), catalog), "companies").select())
                .as("a stream missing from the catalog").isNull();
        assertThat(spec.build(Specs.context(), "contacts").select()).as("no catalog (check, discover)").isNull();
    }
}
