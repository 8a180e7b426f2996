package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.fixtures.Components;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code KeysToLower}, {@code KeysToSnakeCase} and {@code KeysReplace}: the reference's
 * {@code test_keys_to_lower_transformation.py}, {@code test_keys_to_snake_transformation.py} and
 * {@code test_keys_replace_transformation.py}.
 */
class KeysTransformationsTest {

    @Test
    void lowerCasesTopLevelKeysOnly() {
        assertThat(Transformations.apply("type: KeysToLower",
                "{\"wIth_CapITal\": -1, \"anOThEr_witH_Caps\": -1, \"Nested\": {\"KeepMe\": 1}}"))
                .isEqualTo(Components.json("{\"with_capital\": -1, \"another_with_caps\": -1, \"nested\": {\"KeepMe\": 1}}"));
    }

    @Test
    void lowerCaseCollisionKeepsTheKeyThatChanged() {
        assertThat(Transformations.apply("type: KeysToLower", "{\"id\": 1, \"ID\": 2}"))
                .isEqualTo(Components.json("{\"id\": 2}"));
        assertThat(Transformations.apply("type: KeysToLower", "{\"ID\": 2, \"id\": 1}"))
                .isEqualTo(Components.json("{\"id\": 2}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "FirstName | first_name",
        "lastName | last_name",
        "123Number | _123_number",
        "456Another123 | _456_another_123",
        "NestedRecord | nested_record",
        "hello@world | hello_world",
        "test#case | test_case",
        "MixedUPCase123 | mixed_upcase_123",
        "lowercaseAnd123 | lowercase_and_123",
        "Café | cafe",
        "Naïve | naive",
        "This is a full sentence | this_is_a_full_sentence",
        "Another full sentence with more words | another_full_sentence_with_more_words",
        // Edge tokens the regular expression produces: leading and trailing separators stay.
        "_id | _id",
        "name_ | name_",
        "__private__key | _private_key",
        "Straße | strasse",
        "HTTPResponse | httpresponse",
    })
    void snakeCasesKeys(String key, String expected) {
        assertThat(SnakeCase.of(key)).isEqualTo(expected);
    }

    @Test
    void snakeCasesNestedObjectsButNotLists() {
        assertThat(Transformations.apply("type: KeysToSnakeCase",
                "{\"NestedRecord\": {\"FirstName\": -1, \"lastName\": -1}, \"456Another123\": -1, "
                        + "\"ListOf\": [{\"InnerKey\": 1}]}"))
                .isEqualTo(Components.json("{\"nested_record\": {\"first_name\": -1, \"last_name\": -1}, "
                        + "\"_456_another_123\": -1, \"list_of\": [{\"InnerKey\": 1}]}"));
    }

    @Test
    void replacesInKeys() {
        assertThat(Transformations.apply("{type: KeysReplace, old: ' ', new: _}", "{\"date time\": -1, \"customer id\": -1}"))
                .isEqualTo(Components.json("{\"date_time\": -1, \"customer_id\": -1}"));
    }

    @Test
    void replacesInNestedKeys() {
        assertThat(Transformations.apply("{type: KeysReplace, old: ' ', new: _}",
                "{\"date time\": -1, \"user id\": -1, \"customer\": {\"customer name\": -1, \"customer id\": -1, "
                        + "\"contact info\": {\"email\": -1, \"phone number\": -1}}}"))
                .isEqualTo(Components.json("{\"date_time\": -1, \"user_id\": -1, \"customer\": {\"customer_name\": -1, "
                        + "\"customer_id\": -1, \"contact_info\": {\"email\": -1, \"phone_number\": -1}}}"));
    }

    @Test
    void replacementTemplatesReadTheRecord() {
        assertThat(Transformations.apply("{type: KeysReplace, old: \"{{ record['customer_id'] }}\", "
                        + "new: \"{{ record['customer_name'] }}\"}",
                "{\"customer_id\": 111111, \"customer_name\": \"MainCustomer\", \"field_1_111111\": -1, "
                        + "\"field_2_111111\": -1}"))
                .isEqualTo(Components.json("{\"customer_id\": 111111, \"customer_name\": \"MainCustomer\", "
                        + "\"field_1_MainCustomer\": -1, \"field_2_MainCustomer\": -1}"));
    }

    @Test
    void replacementTemplatesReadTheSlice() {
        assertThat(Transformations.apply("{type: KeysReplace, old: \"{{ record['customer_id'] }}\", "
                        + "new: \"{{ stream_slice['customer_name'] }}\"}",
                "{\"customer_id\": 111111, \"field_1_111111\": -1, \"field_2_111111\": -1}", "{}",
                StreamSlice.ofPartition(Components.object("{\"customer_name\": \"MainCustomer\"}"))))
                .isEqualTo(Components.json("{\"customer_id\": 111111, \"field_1_MainCustomer\": -1, "
                        + "\"field_2_MainCustomer\": -1}"));
    }

    @Test
    void replacementTemplatesReadTheConfig() {
        assertThat(Transformations.apply("{type: KeysReplace, old: \"{{ record['customer_id'] }}\", "
                        + "new: \"{{ config['customer_name'] }}\"}",
                "{\"customer_id\": 111111, \"field_1_111111\": -1}", "{\"customer_name\": \"MainCustomer\"}",
                StreamSlice.EMPTY))
                .isEqualTo(Components.json("{\"customer_id\": 111111, \"field_1_MainCustomer\": -1}"));
    }
}
