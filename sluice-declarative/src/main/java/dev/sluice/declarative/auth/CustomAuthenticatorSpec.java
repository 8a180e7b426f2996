package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.http.Authenticator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomAuthenticator} — adds credentials to each request (called again on every attempt). Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link Authenticator}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code authenticator: {type: CustomAuthenticator, class_name: com.example.HmacSigner, key: "{{ config.key }}"}}</pre>
 */
@JsonTypeName("CustomAuthenticator")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomAuthenticatorSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public CustomAuthenticatorSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Authenticator build(BuildContext context) {
        return CustomComponents.create(Authenticator.class, "CustomAuthenticator", this, className, fields, parameters, context);
    }
}
