package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of {@code Spec.advanced_auth} (the upstream schema's {@code AuthFlow}), for validation only: the spec
 * passes the JSON on to the platform unchanged, but a mistyped key or value is reported with its path and line as the
 * reference's schema validation reports it. The mappings the upstream schema leaves open stay open.
 */
record AuthFlowShape(
        @JsonProperty("auth_flow_type") @Nullable AuthFlowType authFlowType,
        @JsonProperty("predicate_key") @Nullable List<String> predicateKey,
        @JsonProperty("predicate_value") @Nullable String predicateValue,
        @JsonProperty("oauth_config_specification") @Nullable OAuthConfigShape oauthConfigSpecification) {

    enum AuthFlowType {
        @JsonProperty("oauth2.0") OAUTH2,
        @JsonProperty("oauth1.0") OAUTH1
    }

    /** {@code OAuthConfigSpecification}: further keys are allowed, as upstream. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OAuthConfigShape(
            @JsonProperty("oauth_user_input_from_connector_config_specification")
            @Nullable ObjectNode oauthUserInputFromConnectorConfigSpecification,
            @JsonProperty("oauth_connector_input_specification")
            @Nullable ConnectorInputShape oauthConnectorInputSpecification,
            @JsonProperty("complete_oauth_output_specification") @Nullable ObjectNode completeOauthOutputSpecification,
            @JsonProperty("complete_oauth_server_input_specification")
            @Nullable ObjectNode completeOauthServerInputSpecification,
            @JsonProperty("complete_oauth_server_output_specification")
            @Nullable ObjectNode completeOauthServerOutputSpecification) {
    }

    /** {@code oauth_connector_input_specification} (the declarative OAuth flow): further keys allowed, as upstream. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectorInputShape(
            @JsonProperty(value = "consent_url", required = true) String consentUrl,
            @JsonProperty("scope") @Nullable String scope,
            @JsonProperty("scopes") @Nullable List<ScopeShape> scopes,
            @JsonProperty("optional_scopes") @Nullable List<ScopeShape> optionalScopes,
            @JsonProperty("scopes_join_strategy") @Nullable ScopesJoinStrategy scopesJoinStrategy,
            @JsonProperty(value = "access_token_url", required = true) String accessTokenUrl,
            @JsonProperty("access_token_headers") @Nullable ObjectNode accessTokenHeaders,
            @JsonProperty("access_token_params") @Nullable ObjectNode accessTokenParams,
            @JsonProperty("extract_output") @Nullable List<String> extractOutput,
            @JsonProperty("state") @Nullable StateShape state,
            @JsonProperty("client_id_key") @Nullable String clientIdKey,
            @JsonProperty("client_secret_key") @Nullable String clientSecretKey,
            @JsonProperty("scope_key") @Nullable String scopeKey,
            @JsonProperty("state_key") @Nullable String stateKey,
            @JsonProperty("auth_code_key") @Nullable String authCodeKey,
            @JsonProperty("redirect_uri_key") @Nullable String redirectUriKey) {
    }

    enum ScopesJoinStrategy {
        @JsonProperty("space") SPACE,
        @JsonProperty("comma") COMMA,
        @JsonProperty("plus") PLUS
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScopeShape(@JsonProperty(value = "scope", required = true) String scope) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StateShape(
            @JsonProperty(value = "min", required = true) Integer min,
            @JsonProperty(value = "max", required = true) Integer max) {
    }
}
