package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.SecretRegistry;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session token of a {@code SessionTokenAuthenticator}: sends the login request, reads the token at
 * {@code session_token_path} of the decoded response, and keeps it for {@code expiration_duration}. Without a
 * duration every request logs in again, as in the reference. Thread-safe: one login at a time.
 */
public final class SessionTokenProvider {

    private final LoginRequester login;
    private final List<String> tokenPath;
    private final @Nullable IsoDuration expiration;
    private final Decoder decoder;
    private final Clock clock;
    private final SecretRegistry secrets;
    private @Nullable JsonNode token;
    private @Nullable Instant expiresAt;

    SessionTokenProvider(LoginRequester login, List<String> tokenPath, @Nullable IsoDuration expiration,
            Decoder decoder, Clock clock, SecretRegistry secrets) {
        this.secrets = secrets;
        this.login = login;
        this.tokenPath = List.copyOf(tokenPath);
        this.expiration = expiration;
        this.decoder = decoder;
        this.clock = clock;
    }

    /** The current session token, logging in first when there is none or it has expired. */
    synchronized JsonNode token() {
        Instant now = clock.instant();
        JsonNode current = token;
        if (current == null || expiresAt == null || expiresAt.isBefore(now)) {
            current = logIn();
            token = current;
            expiresAt = expiration == null ? null : expiration.addTo(PythonDateTime.ofInstant(now)).toInstant();
        }
        return current;
    }

    /** Forgets the token: the next request logs in again. */
    synchronized void invalidate() {
        token = null;
    }

    private JsonNode logIn() {
        JsonNode body = login.login(response -> {
            List<JsonNode> documents = decoder.decode(response);
            return documents.isEmpty() ? MissingNode.getInstance()
                    : documents.get(0);
        }).orElseThrow(() -> new ConnectorException(FailureType.SYSTEM_ERROR,
                "Failed to get session token, response got ignored by requester"));
        JsonNode value = ConfigPaths.get(body, tokenPath);
        if (value == null || value.isMissingNode()) {
            // The body may hold credentials: name the path, not the content.
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Failed to get session token: the login response "
                    + "has no value at session_token_path " + tokenPath);
        }
        secrets.add(value.isTextual() ? value.asText() : value.toString());
        return value;
    }
}
