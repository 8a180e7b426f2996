package dev.sluice.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.fixtures.Components;

/** Runs one transformation written as YAML on one record, and checks that the input record was not changed. */
final class Transformations {

    private Transformations() {
    }

    static ObjectNode apply(String yaml, String record) {
        return apply(yaml, record, "{}", StreamSlice.EMPTY);
    }

    static ObjectNode apply(String yaml, String record, String config, StreamSlice slice) {
        BuildContext context = Components.context(config);
        RecordTransformation transformation = Components.bind(yaml, TransformationSpec.class).build(context);
        ObjectNode input = Components.object(record);
        ObjectNode before = input.deepCopy();
        ObjectNode output = transformation.apply(input, Components.records(context, slice, null));
        assertThat(input).as("the input record is not modified").isEqualTo(before);
        return output;
    }
}
