package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.http.Authenticator;
import dev.sluice.source.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: SelectiveAuthenticator} — one of several authenticators, chosen by the config value at
 * {@code authenticator_selection_path} (compared as text). Only the chosen one is built.
 * <pre>{@code
 * authenticator:
 *   type: SelectiveAuthenticator
 *   authenticator_selection_path: [credentials, auth_type]
 *   authenticators:
 *     api_key: {type: BearerAuthenticator, api_token: "{{ config['credentials']['api_key'] }}"}
 *     oauth2.0: "#/definitions/oauth_authenticator"
 * }</pre>
 */
@JsonTypeName("SelectiveAuthenticator")
public record SelectiveAuthenticatorSpec(
        @JsonProperty(value = "authenticators", required = true) Map<String, AuthenticatorSpec> authenticators,
        @JsonProperty(value = "authenticator_selection_path", required = true) List<String> authenticatorSelectionPath,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public SelectiveAuthenticatorSpec {
        requireNonNull(authenticators, "authenticators is required");
        authenticators = Collections.unmodifiableMap(new LinkedHashMap<>(authenticators));
        authenticatorSelectionPath = List.copyOf(requireNonNull(authenticatorSelectionPath,
                "authenticator_selection_path is required"));
        if (authenticatorSelectionPath.isEmpty()) {
            throw new IllegalArgumentException("authenticator_selection_path must not be empty");
        }
    }

    @Override
    public Authenticator build(BuildContext context) {
        return build(context, null);
    }

    @Override
    public Authenticator build(BuildContext context, @Nullable String requesterUrl) {
        return select(context).build(context, requesterUrl);
    }

    /**
     * The authenticator the config selects.
     *
     * @throws ConfigException naming the path and the allowed values when the value is missing or unknown
     */
    public AuthenticatorSpec select(BuildContext context) {
        String path = ConfigPaths.describe(authenticatorSelectionPath);
        String allowed = authenticators.keySet().stream().map(name -> "'" + name + "'")
                .collect(Collectors.joining(", "));
        JsonNode value = ConfigPaths.get(context.config().json(), authenticatorSelectionPath);
        if (value == null) {
            throw new ConfigException("The config has no value at " + path + ", which selects the authenticator "
                    + "(one of " + allowed + ")");
        }
        String selected = PythonText.str(value);
        AuthenticatorSpec chosen = authenticators.get(selected);
        if (chosen == null) {
            throw new ConfigException("The config value at " + path + " ('" + selected + "') selects no "
                    + "authenticator (expected one of " + allowed + ")");
        }
        return chosen;
    }
}
