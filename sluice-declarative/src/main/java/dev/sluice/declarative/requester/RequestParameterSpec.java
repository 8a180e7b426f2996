package dev.sluice.declarative.requester;

import dev.sluice.declarative.manifest.KindUnion;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;

/**
 * A value of {@code HttpRequester.request_parameters} given as a mapping: a template (any scalar is read as its
 * text), or a {@code QueryProperties}.
 */
@KindUnion
public sealed interface RequestParameterSpec permits RequestParameterSpec.Text, RequestParameterSpec.Properties {

    record Text(String value) implements RequestParameterSpec {
    }

    record Properties(ParameterComponentSpec component) implements RequestParameterSpec {
    }
}
