/**
 * Authenticators of declarative requesters. Each builds a {@link dev.sluice.http.Authenticator}, applied to every
 * attempt of every request (so a refreshed token is used on retries); {@code invalidate()} — a
 * {@code REFRESH_TOKEN_THEN_RETRY} response — makes the next request fetch a new token. Building never sends a
 * request. Credentials from the config never appear in exception or log messages written here.
 */
@NullMarked
package dev.sluice.declarative.auth;

import org.jspecify.annotations.NullMarked;
