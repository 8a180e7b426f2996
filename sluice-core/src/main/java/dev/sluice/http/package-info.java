/**
 * HTTP for connectors: request and response values, the retry loop with error classification and backoff,
 * timeouts on every request, authenticators, and {@link dev.sluice.http.HttpStream}, the base class for
 * code-first HTTP streams. Built on the JDK {@code java.net.http.HttpClient}.
 */
@NullMarked
package dev.sluice.http;

import org.jspecify.annotations.NullMarked;
