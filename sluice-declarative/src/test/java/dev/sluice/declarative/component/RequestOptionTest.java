package dev.sluice.declarative.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code test_request_option.py}, and nested {@code field_path} injection. */
class RequestOptionTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "request_parameter | field | field",
        "header | field | field",
        "body_data | field | field",
        "body_json | field | field",
        "request_parameter | \"since_{{ parameters['cursor_field'] }}\" | since_updated_at",
        "header | \"since_{{ parameters['cursor_field'] }}\" | since_updated_at",
        "body_data | \"since_{{ parameters['cursor_field'] }}\" | since_updated_at",
        "body_json | \"since_{{ parameters['cursor_field'] }}\" | since_updated_at",
        "request_parameter | \"since_{{ config['cursor_field'] }}\" | since_created_at",
        "header | \"since_{{ config['cursor_field'] }}\" | since_created_at",
        "body_data | \"since_{{ config['cursor_field'] }}\" | since_created_at",
        "body_json | \"since_{{ config['cursor_field'] }}\" | since_created_at",
    })
    void fieldNamesAreTemplates(String injectInto, String fieldName, String expected) {
        RequestOption option = Components.bind("{type: RequestOption, inject_into: " + injectInto + ", field_name: "
                + fieldName + ", $parameters: {cursor_field: updated_at}}", RequestOptionSpec.class)
                .build(Components.context("{\"cursor_field\": \"created_at\"}"));

        assertThat(option.name()).isEqualTo(expected);
        assertThat(option.injectInto().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(injectInto);
    }

    @Test
    void fieldPathNestsJsonBodies() {
        RequestOption option = Components.bind("{type: RequestOption, inject_into: body_json, field_path: [data, "
                + "\"{{ config['kind'] }}\", id]}", RequestOptionSpec.class)
                .build(Components.context("{\"kind\": \"admin\"}"));

        JsonAssertions.assertJson(option.inject(Json.nodes().numberNode(7)).bodyJson(),
                "{\"data\": {\"admin\": {\"id\": 7}}}");
    }

    @Test
    void fieldPathIsOnlyForJsonBodies() {
        assertThatThrownBy(() -> Components.bind("{type: RequestOption, inject_into: request_parameter, field_path: [a, b]}",
                RequestOptionSpec.class)).isInstanceOf(ManifestException.class);
        assertThatThrownBy(() -> Components.bind("{type: RequestOption, inject_into: header}", RequestOptionSpec.class))
                .isInstanceOf(ManifestException.class);
    }
}
