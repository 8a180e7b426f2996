package dev.sluice.examples.linkedin;

import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.error.DefaultErrorHandlerSpec;
import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The connector's {@code LinkedInAdsErrorHandler} (a {@code CustomErrorHandler}): the default error handling,
 * except that a failed DNS lookup, which LinkedIn's hosts were seen to have now and then, is a transient error
 * retried with the reference's message. Retries and backoff come from the component's {@code max_retries} and
 * {@code backoff_strategies}, as for a {@code DefaultErrorHandler}.
 *
 * <p>Note: the public manifest declares its error handlers under {@code error_handlers} (plural), a key no
 * requester reads, here as in the reference; so the streams use the default handler and this class only runs
 * where a manifest names it under {@code error_handler}.
 */
public final class LinkedInAdsErrorHandler implements ErrorClassifier {

    static final String DNS_MESSAGE = "source-linkedin-ads has faced a temporary DNS resolution issue. Retrying...";

    private final ErrorClassifier defaults;

    public LinkedInAdsErrorHandler(CustomComponentContext context) {
        this.defaults = DefaultErrorHandlerSpec.defaults().build(context.buildContext()).classifier();
    }

    @Override
    public ErrorResolution classify(HttpResponse response) {
        return defaults.classify(response);
    }

    @Override
    public ErrorResolution classify(HttpRequest request, IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR, DNS_MESSAGE);
            }
        }
        return defaults.classify(request, failure);
    }
}
