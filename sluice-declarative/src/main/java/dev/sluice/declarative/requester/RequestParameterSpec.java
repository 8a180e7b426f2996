package dev.sluice.declarative.requester;

import dev.sluice.declarative.manifest.KindUnion;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import java.util.Optional;

/**
 * A value of {@code HttpRequester.request_parameters} given as a mapping: a template (any scalar is read as its
 * text), or a {@code QueryProperties}.
 */
@KindUnion
public sealed interface RequestParameterSpec permits RequestParameterSpec.Text, RequestParameterSpec.Properties {

    /** The template, for a value rendered as text; empty for a {@code QueryProperties}. */
    Optional<String> template();

    /** The {@code QueryProperties}, when this value is one; empty for a template. */
    Optional<ParameterComponentSpec> queryProperties();

    record Text(String value) implements RequestParameterSpec {
        @Override
        public Optional<String> template() {
            return Optional.of(value);
        }

        @Override
        public Optional<ParameterComponentSpec> queryProperties() {
            return Optional.empty();
        }
    }

    record Properties(ParameterComponentSpec component) implements RequestParameterSpec {
        @Override
        public Optional<String> template() {
            return Optional.empty();
        }

        @Override
        public Optional<ParameterComponentSpec> queryProperties() {
            return Optional.of(component);
        }
    }
}
