package dev.sluice.declarative.schema;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.declarative.requester.properties.Specs;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code DynamicSchemaLoader} against a local API. Unless a case says otherwise, expected values come from the
 * reference's {@code unit_tests/sources/declarative/schema/test_dynamic_schema_loader.py}.
 */
class DynamicSchemaLoaderTest {

    private static final String SCHEMA = "\"$schema\": \"https://json-schema.org/draft-07/schema#\", "
            + "\"type\": \"object\", \"additionalProperties\": true";

    private ChunkApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    static Stream<Arguments> referenceCases() {
        return Stream.of(
                Arguments.of("all fields with valid types",
                        "[{\"schema\": [{\"key\": \"name\", \"type\": \"string\"}, {\"key\": \"age\", \"type\": \"integer\"}]}]",
                        "{\"name\": {\"type\": [\"null\", \"string\"]}, \"age\": {\"type\": [\"null\", \"integer\"]}}"),
                Arguments.of("a field without a type is a string",
                        "[{\"schema\": [{\"key\": \"name\"}, {\"key\": \"email\", \"type\": \"string\"}]}]",
                        "{\"name\": {\"type\": [\"null\", \"string\"]}, \"email\": {\"type\": [\"null\", \"string\"]}}"),
                Arguments.of("two types are a oneOf",
                        "[{\"schema\": [{\"key\": \"address\", \"type\": [\"string\", \"integer\"]}]}]",
                        "{\"address\": {\"oneOf\": [{\"type\": [\"null\", \"string\"]}, {\"type\": [\"null\", \"integer\"]}]}}"),
                Arguments.of("no record", "[]", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void buildsTheSchemaFromTheFirstRecord(String name, String body, String expectedProperties) {
        api = ChunkApi.start(request -> json(body));

        ObjectNode schema = loader("""
                schema_pointer: [schema]
                key_pointer: [key]
                type_pointer: [type]
                """).load();

        assertThat(schema).isEqualTo(schema(expectedProperties));
    }

    @Test
    void aKeyThatIsNoStringFailsTheSchema() {
        api = ChunkApi.start(request -> json("[{\"schema\": [{\"key\": 123, \"type\": \"string\"}]}]"));

        assertThatThrownBy(() -> loader("{schema_pointer: [schema], key_pointer: [key], type_pointer: [type]}").load())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Expected key to be a string. Got 123")
                .satisfies(e -> assertThat(((ConnectorException) e).failureType()).isEqualTo(FailureType.SYSTEM_ERROR));
    }

    @Test
    void aDefinitionWithoutTheKeyFailsTheSchema() {
        // test_dynamic_schema_loader_invalid_type: the definitions are nested one level deeper than key_pointer says
        api = ChunkApi.start(request -> json(
                "[{\"schema\": [{\"field1\": {\"key\": \"name\", \"type\": \"invalid_type\"}}]}]"));

        assertThatThrownBy(() -> loader("{schema_pointer: [schema], key_pointer: [key], type_pointer: [type]}").load())
                .hasMessageContaining("Expected key to be a string. Got None");
    }

    @Test
    void anUnknownTypeFailsTheSchema() {
        // dynamic_schema_loader.py _get_airbyte_type: "Invalid Airbyte data type: <type>"
        api = ChunkApi.start(request -> json("[{\"schema\": [{\"key\": \"name\", \"type\": \"invalid_type\"}]}]"));

        assertThatThrownBy(() -> loader("{schema_pointer: [schema], key_pointer: [key], type_pointer: [type]}").load())
                .hasMessageContaining("Invalid Airbyte data type: invalid_type");
    }

    @Test
    void aTypeThatIsNeitherANameNorTwoNamesFailsTheSchema() {
        // dynamic_schema_loader.py _get_type: only a string or a two-item list of strings
        api = ChunkApi.start(request -> json(
                "[{\"schema\": [{\"key\": \"a\", \"type\": [\"string\", \"integer\", \"number\"]}]}]"));

        assertThatThrownBy(() -> loader("{schema_pointer: [schema], key_pointer: [key], type_pointer: [type]}").load())
                .hasMessageContaining("Invalid data type. Available string or two items list of string. "
                        + "Got ['string', 'integer', 'number'].");
    }

    @Test
    void mapsTypesWithConditionsOnTheRawDefinitionAndComplexTargets() {
        // test_dynamic_schema_loader_with_type_conditions, at the component: the first mapping whose type and
        // condition match wins; a condition that reads a missing key is false; nested items resolve recursively
        api = ChunkApi.start(request -> json("""
                {"fields": [
                  {"name": "Description", "type": "singleLineText"},
                  {"name": "Salary", "type": "formula", "result": {"type": "number"}},
                  {"name": "AvgSalary", "type": "formula", "result": {"type": "customInteger"}},
                  {"name": "Currency", "type": "formula", "result": {"type": "currency"}},
                  {"name": "WorkingDays", "type": "formula"},
                  {"name": "Seen", "type": "date"},
                  {"name": "Ids", "type": ["integer", "string"]}]}"""));

        ObjectNode schema = loader("""
                schema_pointer: [fields]
                key_pointer: [name]
                type_pointer: [type]
                types_mapping:
                  - {target_type: string, current_type: singleLineText}
                  - target_type: {field_type: array, items: {field_type: array, items: integer}}
                    current_type: formula
                    condition: "{{ raw_schema['result']['type'] == 'customInteger' }}"
                  - {target_type: number, current_type: formula, condition: "{{ raw_schema['result']['type'] == 'number' }}"}
                  - {target_type: number, current_type: formula, condition: "{{ raw_schema['result']['type'] == 'currency' }}"}
                  - {target_type: array, current_type: formula}
                  - {target_type: [string, integer], current_type: [integer, string]}
                """).load();

        assertThat(schema.get("properties")).isEqualTo(parse("""
                {"Description": {"type": ["null", "string"]},
                 "Salary": {"type": ["null", "number"]},
                 "AvgSalary": {"type": ["null", "array"], "items": {"type": ["null", "array"], "items": {"type": ["null", "integer"]}}},
                 "Currency": {"type": ["null", "number"]},
                 "WorkingDays": {"type": ["null", "array"]},
                 "Seen": {"type": ["null", "string"], "format": "date"},
                 "Ids": {"oneOf": [{"type": ["null", "string"]}, {"type": ["null", "integer"]}]}}"""));
    }

    @Test
    void everyAirbyteTypeHasTheReferencesSchema() {
        // dynamic_schema_loader.py AIRBYTE_DATA_TYPES
        api = ChunkApi.start(request -> json("""
                {"fields": [{"key": "a", "type": "timestamp_without_timezone"}, {"key": "b", "type": "timestamp_with_timezone"},
                 {"key": "c", "type": "time_without_timezone"}, {"key": "d", "type": "time_with_timezone"},
                 {"key": "e", "type": "boolean"}, {"key": "f", "type": "object"}]}"""));

        ObjectNode schema = loader("{schema_pointer: [fields], key_pointer: [key], type_pointer: [type]}").load();

        assertThat(schema.get("properties")).isEqualTo(parse("""
                {"a": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
                 "b": {"type": ["null", "string"], "format": "date-time"},
                 "c": {"type": ["null", "string"], "format": "time", "airbyte_type": "time_without_timezone"},
                 "d": {"type": ["null", "string"], "format": "time", "airbyte_type": "time_with_timezone"},
                 "e": {"type": ["null", "boolean"]},
                 "f": {"type": ["null", "object"]}}"""));
    }

    @Test
    void pointersNestAndReadTheConfig() {
        api = ChunkApi.start(request -> json("""
                {"meta": {"columns": [{"info": {"label": "id"}, "kind": {"name": "integer"}},
                                      {"info": {"label": "title"}, "kind": {}}]}}"""));

        ObjectNode schema = loader("""
                schema_pointer: [meta, "{{ config['list'] }}"]
                key_pointer: [info, label]
                type_pointer: [kind, name]
                """, "[]", Json.object().put("list", "columns")).load();

        assertThat(schema.get("properties")).isEqualTo(parse(
                "{\"id\": {\"type\": [\"null\", \"integer\"]}, \"title\": {\"type\": [\"null\", \"string\"]}}"));
    }

    @Test
    void aLaterDefinitionOfTheSameNameReplacesTheTypeInPlace() {
        // Python dict assignment: the key keeps its first position, the last value wins
        api = ChunkApi.start(request -> json(
                "{\"f\": [{\"key\": \"a\", \"type\": \"string\"}, {\"key\": \"b\"}, {\"key\": \"a\", \"type\": \"integer\"}]}"));

        ObjectNode schema = loader("{schema_pointer: [f], key_pointer: [key], type_pointer: [type]}").load();

        assertThat(schema.get("properties").toString())
                .isEqualTo("{\"a\":{\"type\":[\"null\",\"integer\"]},\"b\":{\"type\":[\"null\",\"string\"]}}");
    }

    @Test
    void aMappingAtTheSchemaPointerGivesItsKeys() {
        // dynamic_schema_loader.py iterates what schema_pointer finds: a dict yields its keys; with an empty
        // key_pointer each key is the name itself (and with no type_pointer, a string)
        api = ChunkApi.start(request -> json("{\"columns\": {\"id\": {\"t\": 1}, \"title\": {\"t\": 2}}}"));

        ObjectNode schema = loader("{schema_pointer: [columns], key_pointer: []}").load();

        assertThat(schema.get("properties")).isEqualTo(parse(
                "{\"id\": {\"type\": [\"null\", \"string\"]}, \"title\": {\"type\": [\"null\", \"string\"]}}"));
    }

    @Test
    void aMissingListAtTheSchemaPointerFailsTheSchema() {
        api = ChunkApi.start(request -> json("{\"other\": []}"));

        assertThatThrownBy(() -> loader("{schema_pointer: [fields], key_pointer: [name]}").load())
                .hasMessageContaining("Expected the field definitions at schema_pointer [fields] to be a list. Got None");
    }

    @Test
    void filtersEachPropertyThenTransformsThemAll() {
        // the manifest of test_dynamic_schema_loader_manifest_flow: the filter sees {name: schema} before the
        // transformations, which see the mapping of all properties (AddFields adds one, KeysToSnakeCase renames)
        api = ChunkApi.start(request -> json("""
                {"fields": [{"name": "filtered_field", "type": "string"}, {"name": "Id", "type": "integer"},
                            {"name": "FirstName", "type": "string"}, {"name": "Description", "type": "singleLineText"}]}"""));

        ObjectNode schema = loader("""
                schema_pointer: [fields]
                key_pointer: [name]
                type_pointer: [type]
                types_mapping: [{target_type: string, current_type: singleLineText}]
                """, "[]", Json.object(), """
                schema_filter: {type: RecordFilter, condition: "{{ 'filtered_field' not in record }}"}
                schema_transformations:
                  - type: AddFields
                    fields: [{type: AddedFieldDefinition, path: [StaticField], value: "{{ {'type': ['null', 'string']} }}"}]
                  - type: KeysToSnakeCase
                """).load();

        assertThat(schema).isEqualTo(schema("""
                {"id": {"type": ["null", "integer"]}, "first_name": {"type": ["null", "string"]},
                 "description": {"type": ["null", "string"]}, "static_field": {"type": ["null", "string"]}}"""));
    }

    @Test
    void keyTransformationsReachIntoEachPropertysSchema() {
        // keys_to_snake_transformation.py recurses into dicts (not lists), and the reference applies it to the
        // mapping of properties: a oneOf becomes one_of, as the reference's discover writes it
        api = ChunkApi.start(request -> json("{\"f\": [{\"key\": \"PhoneIds\", \"type\": [\"integer\", \"string\"]}]}"));

        ObjectNode schema = loader("{schema_pointer: [f], key_pointer: [key], type_pointer: [type]}", "[]",
                Json.object(), "schema_transformations: [{type: KeysToSnakeCase}]").load();

        assertThat(schema.get("properties")).isEqualTo(parse(
                "{\"phone_ids\": {\"one_of\": [{\"type\": [\"null\", \"integer\"]}, {\"type\": [\"null\", \"string\"]}]}}"));
    }

    @Test
    void removeFieldsDropsAProperty() {
        api = ChunkApi.start(request -> json("{\"f\": [{\"key\": \"a\"}, {\"key\": \"secret\"}]}"));

        ObjectNode schema = loader("{schema_pointer: [f], key_pointer: [key]}", "[]", Json.object(),
                "schema_transformations: [{type: RemoveFields, field_pointers: [[secret]]}]").load();

        assertThat(schema.get("properties")).isEqualTo(parse("{\"a\": {\"type\": [\"null\", \"string\"]}}"));
    }

    @Test
    void readsPagesUntilOneHoldsARecordAndNoFurther() {
        // dynamic_schema_loader.py: next(self.retriever.read_records({}), None) pulls lazily from the pages
        api = ChunkApi.start(request -> switch (String.valueOf(ChunkApi.parameter(request, "page"))) {
            case "null" -> json("{\"data\": [], \"next\": 2}");
            case "2" -> json("{\"data\": [{\"fields\": [{\"key\": \"a\"}]}, {\"fields\": [{\"key\": \"b\"}]}], \"next\": 3}");
            default -> json("{\"data\": [{\"fields\": [{\"key\": \"c\"}]}]}");
        });
        DynamicSchemaLoaderSpec spec = Specs.bind("""
                type: DynamicSchemaLoader
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "%s", path: /fields}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}", stop_condition: "{{ not response.next }}"}
                  partition_router:
                    type: ListPartitionRouter
                    cursor_field: table
                    values: [t1, t2]
                    request_option: {type: RequestOption, inject_into: request_parameter, field_name: table}
                schema_type_identifier: {schema_pointer: [fields], key_pointer: [key]}
                """.formatted(api.baseUrl()), DynamicSchemaLoaderSpec.class);

        ObjectNode schema = spec.build(Specs.context(), "things").load();

        assertThat(schema.get("properties")).isEqualTo(parse("{\"a\": {\"type\": [\"null\", \"string\"]}}"));
        // one unsliced read, as the reference's read_records({}): the router's partitions are never requested
        assertThat(api.targets()).containsExactly("/fields", "/fields?page=2");
    }

    @Test
    void loadsOnceAndHandsOutCopies() {
        api = ChunkApi.start(request -> json("{\"f\": [{\"key\": \"a\"}]}"));
        SchemaLoader loader = loader("{schema_pointer: [f], key_pointer: [key]}");

        loader.load().putObject("properties").put("edited", true);

        assertThat(loader.load().get("properties")).isEqualTo(parse("{\"a\": {\"type\": [\"null\", \"string\"]}}"));
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void aFailedRequestNamesTheStreamAndTheRequest() {
        api = ChunkApi.start(request -> ChunkApi.status(404, "{\"error\": \"no such table\"}"));

        assertThatThrownBy(() -> loader("{key_pointer: [key]}", "[]").load())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Schema loader request of stream 'party_members' failed")
                .hasMessageContaining("/party_members/schema")
                .satisfies(e -> assertThat(((ConnectorException) e).userMessage())
                        .startsWith("Could not read the schema of stream 'party_members' from the API"));
    }

    private SchemaLoader loader(String identifier) {
        return loader(identifier, "[]");
    }

    private SchemaLoader loader(String identifier, String fieldPath) {
        return loader(identifier, fieldPath, Json.object());
    }

    private SchemaLoader loader(String identifier, String fieldPath, JsonNode config) {
        return loader(identifier, fieldPath, config, "");
    }

    private SchemaLoader loader(String identifier, String fieldPath, JsonNode config, String more) {
        DynamicSchemaLoaderSpec spec = Specs.bind("""
                type: DynamicSchemaLoader
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "%s", path: /party_members/schema}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: %s}}
                schema_type_identifier:
                %s
                %s""".formatted(api.baseUrl(), fieldPath, identifier.indent(2).stripTrailing(), more),
                DynamicSchemaLoaderSpec.class);
        return spec.build(Specs.context(config, null), "party_members");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode schema(String properties) {
        return (ObjectNode) parse("{" + SCHEMA + ", \"properties\": " + properties + "}");
    }
}
