package dev.sluice.declarative.custom;

import dev.sluice.http.HttpRequest;

/**
 * The interface of a {@code CustomRequester}'s class. The component is an {@code HttpRequester} (the same
 * fields: {@code url_base}, {@code path}, {@code authenticator}, {@code request_parameters}, ...) whose every
 * request this class may change before it is sent: its URL and the encoding of its query, its headers, its
 * body. The requester then authenticates, sends, retries and reads the response as usual.
 *
 * <p>Called once for each request built, before authentication (so no credentials are seen here); retries
 * resend the prepared request. It may be called from several threads at once: keep no mutable state.
 * <pre>{@code
 * public final class KeepParentheses implements RequestPreparer {
 *     public HttpRequest prepare(RequestDraft draft) {
 *         return draft.withRawQuery(draft.rawQuery(":(),"));   // LinkedIn's Rest.li wants these unencoded
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RequestPreparer {

    /** The request to send instead of {@code draft.request()}; return that unchanged to send it as built. */
    HttpRequest prepare(RequestDraft draft);
}
