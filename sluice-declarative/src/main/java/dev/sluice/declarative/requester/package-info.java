/**
 * The HTTP requester of declarative streams: URL, method, parameters, headers and bodies from templates, request
 * options injected by other components ({@code RequestOption}, {@code RequestPath}), and the error handler and
 * authenticator that {@code HttpRequester} sends with.
 */
@NullMarked
package dev.sluice.declarative.requester;

import org.jspecify.annotations.NullMarked;
