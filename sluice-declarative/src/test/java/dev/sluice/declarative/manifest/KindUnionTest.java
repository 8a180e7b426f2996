package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KindUnionTest {

    @KindUnion
    sealed interface Value permits Text, Names, Inner {
    }

    record Text(String text) implements Value {
    }

    record Names(List<String> names) implements Value {
    }

    record Inner(Part part) implements Value {
    }

    @JsonTypeName("Part")
    record Part(@JsonProperty(value = "name", required = true) String name,
            @JsonProperty("strategy") FakeSpecs.@Nullable PaginationStrategy strategy) {
    }

    @KindUnion
    sealed interface TextOrPart permits TextOnly, PartOnly {
    }

    record TextOnly(String text) implements TextOrPart {
    }

    record PartOnly(Part part) implements TextOrPart {
        PartOnly {
            if (part.name().equals("bad")) {
                throw new IllegalArgumentException("a part cannot be called bad");
            }
        }
    }

    @JsonTypeName("DeclarativeSource")
    record Holder(@JsonProperty("value") @Nullable Value value,
            @JsonProperty("entries") @Nullable Map<String, TextOrPart> entries) {
    }

    private static Holder bind(String yaml) {
        return ManifestBinder.bind(ManifestPipeline.fromYaml(yaml), Holder.class);
    }

    private static ValidationReport validate(String yaml) {
        return new ManifestValidator().validate(ManifestPipeline.fromYaml(yaml), Holder.class);
    }

    @Test
    void bindsEachKindToItsRecord() {
        assertThat(bind("value: abc").value()).isEqualTo(new Text("abc"));
        assertThat(bind("value: 12").value()).as("a number is fine for a string").isEqualTo(new Text("12"));
        assertThat(bind("value: [a, b]").value()).isEqualTo(new Names(List.of("a", "b")));
        assertThat(bind("value: {name: x}").value()).isEqualTo(new Inner(new Part("x", null)));
        assertThat(bind("entries: {a: x, b: {name: y}}").entries())
                .containsExactly(Map.entry("a", new TextOnly("x")), Map.entry("b", new PartOnly(new Part("y", null))));
    }

    @Test
    void aValueOfAKindNoRecordTakesIsAnError() {
        ValidationReport report = validate("entries: {a: [1, 2]}");

        assertThat(report.errors()).extracting(ManifestException::getMessage)
                .containsExactly("entries.a: expected a string or a mapping, found a list (line 1)");
        assertThatThrownBy(() -> bind("entries: {a: [1, 2]}")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("entries.a").hasMessageContaining("expected a string or a mapping, found a list");
    }

    @Test
    void theValidatorWalksIntoTheChosenRecord() {
        ValidationReport report = validate("""
                value:
                  nme: x
                  strategy: {type: CursorPaginaton}
                """);

        assertThat(report.errors()).extracting(ManifestException::getMessage).containsExactlyInAnyOrder(
                "value: missing required field 'name' (line 1)",
                "value.strategy: unknown type 'CursorPaginaton' (did you mean 'CursorPagination'?) (line 3)");
        assertThat(report.warnings()).extracting(ManifestException::getMessage)
                .containsExactly("value.nme: unknown field (did you mean 'name'?); it is ignored (line 2)");
        assertThat(ComponentShapes.reachableTypeNames(Holder.class)).contains("Part", "CursorPagination");
    }

    @Test
    void aRecordThatRefusesItsValueNamesThePath() {
        assertThatThrownBy(() -> bind("entries: {a: {name: bad}}")).isInstanceOf(ManifestException.class)
                .hasMessage("entries.a: a part cannot be called bad (line 1)");
    }
}
