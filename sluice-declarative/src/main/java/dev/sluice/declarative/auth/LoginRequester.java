package dev.sluice.declarative.auth;

import dev.sluice.http.ResponseReader;
import java.util.Optional;

/** Sends a login request: the one thing a session token authenticator asks of its {@code login_requester}. */
public interface LoginRequester {

    /**
     * Sends the request with no slice, page token or options from other components, reading the response with
     * {@code reader} inside the retry loop. Empty when the error handler ignored the response.
     */
    <T> Optional<T> login(ResponseReader<T> reader);

    /** This requester with {@code observer} also shown every attempt (see {@code ExchangeLabels}). */
    LoginRequester alsoObservedBy(dev.sluice.http.ExchangeObserver observer);
}
