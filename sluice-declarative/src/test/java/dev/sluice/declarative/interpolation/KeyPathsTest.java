package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key paths a compiled template reads a variable at, from its expression tree. */
class KeyPathsTest {

    private static Set<List<String>> paths(String template, String variable) {
        return Template.compile(template).keyPaths(variable).paths();
    }

    @Test
    void attributeAndItemChainsAreKeyPaths() {
        assertThat(paths("{{ response.meta.next }}", "response")).containsExactly(List.of("meta", "next"));
        assertThat(paths("{{ response['meta']['next'] }}", "response")).containsExactly(List.of("meta", "next"));
        assertThat(paths("{{ response.get('meta', {}).get('next') }}", "response"))
                .containsExactly(List.of("meta", "next"));
        assertThat(paths("{{ response.data[0].id }}", "response")).containsExactly(List.of("data", "0", "id"));
    }

    @Test
    void aKeyKnownOnlyWhenRunningEndsThePathThere() {
        assertThat(paths("{{ response.data[config['index']].id }}", "response")).containsExactly(List.of("data"));
        assertThat(paths("{{ response[parameters.key] }}", "response")).containsExactly(List.of());
        assertThat(paths("{{ response.data[-1].id }}", "response")).containsExactly(List.of("data"));
    }

    @Test
    void filtersReadTheirArgumentPaths() {
        assertThat(paths("{{ response.data | length }}", "response")).containsExactly(List.of("data"));
        assertThat(paths("{{ response | length }}", "response")).containsExactly(List.of());
        assertThat(paths("{{ (response | first).id }}", "response")).containsExactly(List.of());
        assertThat(paths("{{ response.next if response.more else None }}", "response"))
                .containsExactlyInAnyOrder(List.of("next"), List.of("more"));
    }

    @Test
    void otherVariablesAreReadAtTheirOwnPaths() {
        assertThat(paths("{{ last_page_size }}", "last_page_size")).containsExactly(List.of());
        assertThat(paths("{{ last_page_size }}", "response")).isEmpty();
        assertThat(paths("{{ headers['link']['next']['url'] }}", "headers"))
                .containsExactly(List.of("link", "next", "url"));
        assertThat(paths("{{ config.page_size }}", "response")).isEmpty();
    }

    @Test
    void aSetVariableHidesTheNameAndAnAliasReadsTheWholeValue() {
        assertThat(paths("{% set response = {'a': 1} %}{{ response.a }}", "response")).isEmpty();
        assertThat(paths("{% set body = response %}{{ body.data }}", "response")).containsExactly(List.of());
        assertThat(paths("{% set next = response.links.next %}{{ next }}", "response"))
                .containsExactly(List.of("links", "next"));
        assertThat(paths("{% for item in response.data %}{{ item.id }}{% endfor %}", "response"))
                .containsExactly(List.of("data"));
    }

    @Test
    void pathsOverlapWhenOneIsAPrefixOfTheOther() {
        KeyPaths next = Template.compile("{{ response.meta.next }}").keyPaths("response");
        assertThat(next.overlaps(List.of("data"))).isFalse();
        assertThat(next.overlaps(List.of("meta"))).isTrue();
        assertThat(next.overlaps(List.of("meta", "next", "x"))).isTrue();
        assertThat(Template.compile("{{ response | length }}").keyPaths("response").overlaps(List.of("data"))).isTrue();
        assertThat(KeyPaths.NONE.overlaps(List.of("data"))).isFalse();
    }
}
