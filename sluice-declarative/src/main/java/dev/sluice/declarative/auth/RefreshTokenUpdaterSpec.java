package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code refresh_token_updater} of an {@code OAuthAuthenticator}: the tokens live in the config at these paths and
 * each refresh writes the new access token, the rotated refresh token (read from the response under
 * {@code refresh_token_name}) and the expiry back, reporting the new config to the platform. The three
 * {@code refresh_token_error_*} fields are the deprecated place for the authenticator's fields of that name.
 * <pre>{@code
 * refresh_token_updater:
 *   refresh_token_name: refresh_token
 *   access_token_config_path: [credentials, access_token]
 *   refresh_token_config_path: [credentials, refresh_token]
 *   token_expiry_date_config_path: [credentials, token_expiry_date]
 * }</pre>
 */
public record RefreshTokenUpdaterSpec(
        @JsonProperty("refresh_token_name") @Nullable String refreshTokenName,
        @JsonProperty("access_token_config_path") @Nullable List<String> accessTokenConfigPath,
        @JsonProperty("refresh_token_config_path") @Nullable List<String> refreshTokenConfigPath,
        @JsonProperty("token_expiry_date_config_path") @Nullable List<String> tokenExpiryDateConfigPath,
        @JsonProperty("refresh_token_error_status_codes") @Nullable List<Integer> refreshTokenErrorStatusCodes,
        @JsonProperty("refresh_token_error_key") @Nullable String refreshTokenErrorKey,
        @JsonProperty("refresh_token_error_values") @Nullable List<String> refreshTokenErrorValues) {

    public RefreshTokenUpdaterSpec {
        refreshTokenName = refreshTokenName == null ? "refresh_token" : refreshTokenName;
        accessTokenConfigPath = pathOr(accessTokenConfigPath, "access_token");
        refreshTokenConfigPath = pathOr(refreshTokenConfigPath, "refresh_token");
        tokenExpiryDateConfigPath = pathOr(tokenExpiryDateConfigPath, "token_expiry_date");
        refreshTokenErrorStatusCodes = refreshTokenErrorStatusCodes == null ? List.of()
                : List.copyOf(refreshTokenErrorStatusCodes);
        refreshTokenErrorKey = refreshTokenErrorKey == null ? "" : refreshTokenErrorKey;
        refreshTokenErrorValues = refreshTokenErrorValues == null ? List.of() : List.copyOf(refreshTokenErrorValues);
    }

    private static List<String> pathOr(@Nullable List<String> path, String leaf) {
        if (path == null) {
            return List.of("credentials", leaf);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a config path must not be empty");
        }
        return List.copyOf(path);
    }

    ConfigTokenStore.Paths paths() {
        return new ConfigTokenStore.Paths(accessTokenConfigPath, refreshTokenConfigPath, tokenExpiryDateConfigPath);
    }

    RefreshTokenErrors errors() {
        return new RefreshTokenErrors(refreshTokenErrorStatusCodes, refreshTokenErrorKey, refreshTokenErrorValues);
    }
}
