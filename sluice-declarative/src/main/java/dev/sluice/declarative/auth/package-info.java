/**
 * Authenticators of declarative requesters. Each builds a {@link dev.sluice.http.Authenticator}, applied to every
 * attempt of every request (so a refreshed token is used on retries).
 */
@NullMarked
package dev.sluice.declarative.auth;

import org.jspecify.annotations.NullMarked;
