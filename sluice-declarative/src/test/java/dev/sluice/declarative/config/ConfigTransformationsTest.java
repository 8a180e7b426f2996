package dev.sluice.declarative.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.source.Config;
import org.junit.jupiter.api.Test;

/**
 * The reference's unit tests of its config transformations (airbyte-python-cdk
 * {@code unit_tests/sources/declarative/transformations/config_transformations/test_config_remap_field.py},
 * {@code test_config_add_fields.py}, {@code test_config_remove_fields.py}), with their inputs and expected configs,
 * written as manifest YAML and bound like a manifest.
 */
class ConfigTransformationsTest {

    private static Config transform(String yaml, String config) {
        ConfigTransformation transformation = Components.bind(yaml, ConfigTransformationSpec.class)
                .build(Components.context());
        Config input = Config.of(Components.json(config));
        String before = input.json().toString();
        Config result = transformation.transform(input);
        assertThat(input.json().toString()).as("the input config is never modified").isEqualTo(before);
        return result;
    }

    private static void assertConfig(Config config, String expected) {
        assertThat(config.json()).isEqualTo(Components.json(expected));
    }

    // test_config_remap_field.py: test_given_valid_inputs_when_transform_then_field_is_remapped
    @Test
    void remapsAValueFoundInTheMap() {
        Config result = transform("""
                type: ConfigRemapField
                field_path: [authorization, auth_type]
                map: {client_credentials: oauth2, api_key: key_auth}
                """, "{\"authorization\": {\"auth_type\": \"client_credentials\", \"client_id\": \"12345\", "
                + "\"client_secret\": \"secret\"}}");
        assertConfig(result, "{\"authorization\": {\"auth_type\": \"oauth2\", \"client_id\": \"12345\", "
                + "\"client_secret\": \"secret\"}}");
    }

    // test_given_value_not_in_map_when_transform_then_field_unchanged, ..._field_path_not_in_config_...,
    // test_given_empty_map_when_transform_then_config_unchanged
    @Test
    void leavesTheConfigWhenNothingMatches() {
        String config = "{\"authorization\": {\"auth_type\": \"basic_auth\", \"username\": \"user\"}}";
        assertConfig(transform("""
                type: ConfigRemapField
                field_path: [authorization, auth_type]
                map: {client_credentials: oauth2, api_key: key_auth}
                """, config), config);
        assertConfig(transform("""
                type: ConfigRemapField
                field_path: [authentication, type]
                map: {client_credentials: oauth2}
                """, config), config);
        assertConfig(transform("""
                type: ConfigRemapField
                field_path: [authorization, auth_type]
                map: {}
                """, config), config);
    }

    // test_given_interpolated_path_when_transform_then_field_is_remapped
    @Test
    void rendersThePathFromTheConfig() {
        Config result = transform("""
                type: ConfigRemapField
                field_path: [auth_data, "{{ config['auth_field_name'] }}"]
                map: {basic: basic_auth, token: bearer}
                """, "{\"auth_field_name\": \"type\", \"auth_data\": {\"type\": \"token\", \"token_value\": \"abc123\"}}");
        assertThat(result.json().at("/auth_data/type").asText()).isEqualTo("bearer");
    }

    // test_amazon_seller_partner_marketplace_remap_with_interpolated_mapping
    @Test
    void rendersTheMapFromTheConfig() {
        String yaml = """
                type: ConfigRemapField
                field_path: [marketplace]
                map:
                  ES: "{{ 'https://sellingpartnerapi' if config.environment == 'production' else 'https://sandbox.sellingpartnerapi' }}-eu.amazon.com"
                """;
        assertThat(transform(yaml, "{\"environment\": \"sandbox\", \"marketplace\": \"ES\"}").json()
                .get("marketplace").asText()).isEqualTo("https://sandbox.sellingpartnerapi-eu.amazon.com");
        assertThat(transform(yaml, "{\"environment\": \"production\", \"marketplace\": \"ES\"}").json()
                .get("marketplace").asText()).isEqualTo("https://sellingpartnerapi-eu.amazon.com");
    }

    // test_given_empty_field_path_when_transform_then_raises_exception
    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> Components.bind("""
                type: ConfigRemapField
                field_path: []
                map: {old_value: new_value}
                """, ConfigTransformationSpec.class))
                .isInstanceOf(ManifestException.class).hasMessageContaining("field_path cannot be empty");
    }

    // test_config_add_fields.py: test_given_valid_static_value_fields_added, ..._nested_fields_static_value_added
    @Test
    void addsStaticAndNestedFields() {
        assertConfig(transform("""
                type: ConfigAddFields
                fields:
                  - {path: [new_field], value: static_value}
                  - {path: [another_field], value: another_value}
                """, "{}"), "{\"new_field\": \"static_value\", \"another_field\": \"another_value\"}");
        assertConfig(transform("""
                type: ConfigAddFields
                fields: [{path: [parent, child, grandchild], value: nested_value}]
                """, "{}"), "{\"parent\": {\"child\": {\"grandchild\": \"nested_value\"}}}");
    }

    // test_given_valid_interpolated_input_field_added: "{{ 2 * 3 }}" is the number 6
    @Test
    void addsRenderedFields() {
        assertConfig(transform("""
                type: ConfigAddFields
                fields:
                  - {path: [derived_field], value: "{{ config.original_field }}"}
                  - {path: [expression_result], value: "{{ 2 * 3 }}"}
                """, "{\"original_field\": \"original_value\"}"),
                "{\"original_field\": \"original_value\", \"derived_field\": \"original_value\", "
                        + "\"expression_result\": 6}");
    }

    // test_given_field_already_exists_value_is_overwritten
    @Test
    void overwritesAnExistingField() {
        assertConfig(transform("""
                type: ConfigAddFields
                fields: [{path: [existing_field], value: new_value}]
                """, "{\"existing_field\": \"existing_value\"}"), "{\"existing_field\": \"new_value\"}");
    }

    // test_with_condition_only_adds_fields_when_condition_is_met
    @Test
    void addsOnlyWhenTheConditionHolds() {
        String yaml = """
                type: ConfigAddFields
                fields: [{path: [conditional_field], value: added_value}]
                condition: "{{ config.flag == true }}"
                """;
        assertConfig(transform(yaml, "{\"flag\": true}"), "{\"flag\": true, \"conditional_field\": \"added_value\"}");
        assertConfig(transform(yaml, "{\"flag\": false}"), "{\"flag\": false}");
    }

    // test_given_invalid_field_raises_exception: an empty path is refused
    @Test
    void refusesAnEmptyAddedPath() {
        assertThatThrownBy(() -> Components.bind("""
                type: ConfigAddFields
                fields: [{path: [], value: value}]
                """, ConfigTransformationSpec.class)).isInstanceOf(ManifestException.class);
    }

    // test_config_remove_fields.py: test_given_valid_field_pointer_field_is_removed
    @Test
    void removesFields() {
        assertConfig(transform("""
                type: ConfigRemoveFields
                field_pointers: [[field_to_remove], [another_field_to_remove]]
                """, "{\"field_to_remove\": \"value_to_remove\", \"another_field_to_remove\": \"x\", "
                + "\"field_to_keep\": \"value_to_keep\"}"), "{\"field_to_keep\": \"value_to_keep\"}");
    }

    // test_given_valid_nested_field_pointer_field_is_removed
    @Test
    void removesNestedFields() {
        assertConfig(transform("""
                type: ConfigRemoveFields
                field_pointers: [[parent, child, field_to_remove], [parent, another_child]]
                """, "{\"parent\": {\"child\": {\"field_to_remove\": \"nested_value_to_remove\", "
                + "\"field_to_keep\": \"nested_value_to_keep\"}, \"another_child\": \"another_child_value\", "
                + "\"child_to_keep\": \"child_value_to_keep\"}, \"top_level_field\": \"top_level_value\"}"),
                "{\"parent\": {\"child\": {\"field_to_keep\": \"nested_value_to_keep\"}, "
                        + "\"child_to_keep\": \"child_value_to_keep\"}, \"top_level_field\": \"top_level_value\"}");
    }

    // test_given_valid_field_point_but_field_does_not_exist_no_field_is_removed
    @Test
    void ignoresMissingFields() {
        String config = "{\"existing_field\": \"value\", \"parent\": {\"child\": {\"existing_grandchild\": \"value\"}}}";
        assertConfig(transform("""
                type: ConfigRemoveFields
                field_pointers: [[nonexistent_field], [parent, nonexistent_child],
                  [parent, child, nonexistent_grandchild], [completely, missing, path]]
                """, config), config);
    }

    // test_with_condition_only_removes_fields_when_condition_is_met
    @Test
    void removesOnlyWhenTheConditionHolds() {
        String yaml = """
                type: ConfigRemoveFields
                field_pointers: [[conditional_field]]
                condition: "{{ config.flag == true }}"
                """;
        assertConfig(transform(yaml, "{\"flag\": true, \"conditional_field\": \"this should be removed\"}"),
                "{\"flag\": true}");
        assertConfig(transform(yaml, "{\"flag\": false, \"conditional_field\": \"this should not be removed\"}"),
                "{\"flag\": false, \"conditional_field\": \"this should not be removed\"}");
    }

    @Test
    void refusesAnUnknownTransformationTypeWithItsPathAndLine() {
        assertThatThrownBy(() -> Components.bind("""
                type: ConfigMigration
                transformations:
                  - type: ConfigRenameField
                    field_path: [a]
                """, ConfigMigrationSpec.class))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("transformations[0]: unknown type 'ConfigRenameField'")
                .hasMessageContaining("line 3")
                .hasMessageContaining("ConfigRenameField");
    }
}
