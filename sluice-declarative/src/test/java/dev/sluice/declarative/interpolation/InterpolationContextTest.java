package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InterpolationContextTest {

    @Test
    void streamSliceBindsItsAliases() {
        InterpolationContext context = InterpolationContext.of(json("{}")).with("stream_slice", json("{\"a\": 1}"));
        assertThat(context.names()).containsExactly("config", "stream_slice", "stream_interval", "stream_partition")
                .hasSize(4);
        assertThat(Fixtures.eval("{{ stream_interval.a + stream_partition.a }}", context)).isEqualTo(json("2"));
    }

    @Test
    void aliasesCannotBeBoundDirectly() {
        assertThatThrownBy(() -> InterpolationContext.of(json("{}")).with("stream_interval", json("{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReturnsANewContextAndKeepsTheOld() {
        InterpolationContext base = InterpolationContext.of(json("{}"));
        InterpolationContext derived = base.with("record", json("{}"));
        assertThat(base.has("record")).isFalse();
        assertThat(derived.has("record")).isTrue();
        assertThat(derived.with("record", json("{\"x\": 1}")).names()).containsExactly("config", "record");
    }

    @Test
    void nullBindsNone() {
        InterpolationContext context = InterpolationContext.of(json("{}")).with("next_page_token", null);
        assertThat(Fixtures.render("{{ next_page_token }}|{{ next_page_token is none }}", context))
                .isEqualTo("None|True");
    }

    @Test
    void valuesAreSharedNotCopied() {
        ObjectNode record = (ObjectNode) json("{\"a\": 1}");
        InterpolationContext context = InterpolationContext.of(json("{}")).with("record", record);
        record.put("a", 2);
        assertThat(Fixtures.eval("{{ record.a }}", context)).isEqualTo(json("2"));
    }

    @Test
    void toStringHidesValues() {
        assertThat(InterpolationContext.of(json("{\"api_key\": \"secret\"}")).toString()).doesNotContain("secret");
    }
}
