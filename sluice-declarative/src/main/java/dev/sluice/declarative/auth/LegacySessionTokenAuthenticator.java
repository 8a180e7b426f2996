package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.http.Authenticator;
import dev.sluice.http.DefaultErrorMapping;
import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpExecutor;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.ResponseAction;
import dev.sluice.http.RetryPolicy;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime of {@link LegacySessionTokenAuthenticatorSpec}: the configured session token if
 * {@code validate_session_url} accepts it (a 401 means it does not), else a new one from {@code login_url}
 * ({@code POST {"username": ..., "password": ...}}, token under {@code session_token_response_key}), sent in the
 * {@code header}. The token is kept until {@link #invalidate()} (the reference validates on every request and
 * caches logins for a day).
 */
final class LegacySessionTokenAuthenticator implements Authenticator {

    /** The rendered settings; suppliers because they are rendered when first needed. */
    record Settings(Supplier<String> apiUrl, Supplier<String> header, Supplier<String> sessionToken,
            Supplier<String> username, Supplier<String> password, Supplier<String> responseKey,
            Supplier<String> loginUrl, Supplier<String> validateUrl) {
    }

    private static final Logger log = LoggerFactory.getLogger(LegacySessionTokenAuthenticator.class);

    private final Settings settings;
    private final BuildContext context;
    private @Nullable String token;

    LegacySessionTokenAuthenticator(Settings settings, BuildContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        return request.withHeader(settings.header().get(), token());
    }

    @Override
    public synchronized void invalidate() {
        token = null;
    }

    synchronized String token() {
        if (token == null) {
            token = obtain();
            context.run().secrets().add(token);
        }
        return token;
    }

    private String obtain() {
        String configured = settings.sessionToken().get();
        if (!configured.isEmpty() && isValid(configured)) {
            return configured;
        }
        String username = settings.username().get();
        String password = settings.password().get();
        if (username.isEmpty() || password.isEmpty()) {
            throw new ConfigException("Invalid credentials: session token is not valid or provide username and "
                    + "password");
        }
        log.info("Using generated session token by username and password");
        return logIn(username, password);
    }

    private boolean isValid(String sessionToken) {
        ErrorClassifier unauthorizedMeansInvalid = response -> response.status() == 401
                ? ErrorResolution.of(ResponseAction.IGNORE, FailureType.CONFIG_ERROR, "the session token is not valid")
                : DefaultErrorMapping.INSTANCE.classify(response);
        HttpRequest validate = HttpRequest.get(url(settings.validateUrl().get()))
                .withHeader(settings.header().get(), sessionToken);
        return executor(unauthorizedMeansInvalid).send(validate).isPresent();
    }

    private String logIn(String username, String password) {
        byte[] body = Json.write(Json.object().put("username", username).put("password", password))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest login = new HttpRequest("POST", url(settings.loginUrl().get()), Map.of(), null)
                .withBody(body, "application/json");
        JsonNode response = executor(DefaultErrorMapping.INSTANCE).send(login, reply -> reply.json())
                .orElseThrow(() -> new ConnectorException(FailureType.SYSTEM_ERROR, "Failed to retrieve new session "
                        + "token"));
        String key = settings.responseKey().get();
        JsonNode value = response.get(key);
        if (value == null || value.isNull()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Failed to retrieve new session token: the login "
                    + "response has no '" + key + "'");
        }
        return PythonText.str(value);
    }

    /** The reference joins the requester's URL and these paths by plain concatenation. */
    private URI url(String path) {
        String text = settings.apiUrl().get() + path;
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("LegacySessionTokenAuthenticator: '" + text + "' is not a valid URL");
        }
    }

    private HttpExecutor executor(ErrorClassifier errors) {
        return new HttpExecutor(context.transport(), errors, RetryPolicy.DEFAULT, Authenticator.NONE, context.sleeper(),
                context.clock()).inRun(context.run())
                .alsoObservedBy(context.run().service(ExchangeLabels.SERVICE).observer(ExchangeLabel.login()));
    }
}
