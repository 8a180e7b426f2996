package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.manifest.ComponentShapes.Field;
import dev.sluice.declarative.manifest.ComponentShapes.RecordShape;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComponentShapesTest {

    /** The house rule "@JsonSubTypes == permits", checked for every slot under a root in one call. */
    @Test
    void everySlotListsExactlyItsPermittedRecords() {
        Set<String> names = ComponentShapes.reachableTypeNames(FakeSpecs.Source.class);

        assertThat(names).containsExactlyInAnyOrder("DeclarativeSource", "CheckStream", "DeclarativeStream",
                "SimpleRetriever", "HttpRequester", "RecordSelector", "DpathExtractor", "DefaultPaginator",
                "NoPagination", "RequestOption", "CursorPagination", "PageIncrement", "OffsetIncrement");
    }

    @Test
    void readsKeysRequiredAndNullableFromTheRecord() {
        RecordShape shape = ComponentShapes.record(FakeSpecs.CursorPagination.class);

        assertThat(shape.typeName()).isEqualTo("CursorPagination");
        assertThat(shape.typeRequired()).isTrue();
        assertThat(shape.closed()).isFalse();
        assertThat(shape.fields()).extracting(Field::name, Field::required, Field::nullable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cursor_value", true, false),
                org.assertj.core.groups.Tuple.tuple("page_size", false, true),
                org.assertj.core.groups.Tuple.tuple("stop_condition", false, true),
                org.assertj.core.groups.Tuple.tuple("$parameters", false, true));
        assertThat(shape.knownKeys()).contains("type", "$parameters");
        assertThat(ComponentShapes.record(FakeSpecs.Source.class).knownKeys()).doesNotContain("$parameters");
        assertThat(ComponentShapes.record(FakeSpecs.RequestOption.class).typeRequired()).isFalse();
    }

    @Test
    void aSlotWhoseSubTypesDifferFromItsPermitsIsAProgrammingError() {
        assertThatThrownBy(() -> ComponentShapes.slot(Incomplete.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@JsonSubTypes [Listed] differ from permits [Forgotten, Listed]");
        assertThatThrownBy(() -> ComponentShapes.slot(Unnamed.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs @JsonTypeName");
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(Listed.class)})
    sealed interface Incomplete permits Listed, Forgotten {
    }

    @JsonTypeName("Listed")
    record Listed(@JsonProperty("a") String a) implements Incomplete {
    }

    @JsonTypeName("Forgotten")
    record Forgotten(@JsonProperty("a") String a) implements Incomplete {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(NoName.class)})
    sealed interface Unnamed permits NoName {
    }

    record NoName(@JsonProperty("a") String a) implements Unnamed {
    }
}
