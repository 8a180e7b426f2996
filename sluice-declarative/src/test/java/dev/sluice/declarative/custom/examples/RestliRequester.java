package dev.sluice.declarative.custom.examples;

import dev.sluice.declarative.custom.RequestDraft;
import dev.sluice.declarative.custom.RequestPreparer;
import dev.sluice.http.HttpRequest;

/** CustomRequester: sends Rest.li syntax unencoded ({@code (}, {@code )}, {@code ,}, {@code :}), as LinkedIn wants. */
public final class RestliRequester implements RequestPreparer {

    @Override
    public HttpRequest prepare(RequestDraft draft) {
        return draft.withRawQuery(draft.rawQuery("(),:")).withHeader("X-Prepared-For",
                draft.slice().partition().path("account").asText("none"));
    }
}
