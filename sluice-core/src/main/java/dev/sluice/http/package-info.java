/**
 * HTTP for connectors: request and response values, the retry chain ({@link dev.sluice.http.HttpExecutor}:
 * authenticate, rate limit, observe, send, classify, retry) with an error classifier and a retry policy,
 * timeouts on every request, authenticators, and {@link dev.sluice.http.HttpStream}, the base class for
 * code-first HTTP streams. The transport is an interface; {@link dev.sluice.http.JdkHttpTransport} is the one
 * on the JDK's {@code java.net.http} client, and the only class here that knows it.
 */
@NullMarked
package dev.sluice.http;

import org.jspecify.annotations.NullMarked;
