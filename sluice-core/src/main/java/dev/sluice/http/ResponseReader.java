package dev.sluice.http;

/**
 * Turns a successful response into a value inside the retry loop, so that a body that cannot be read (a
 * {@link dev.sluice.source.RecordException} with {@code TRANSIENT_ERROR}, e.g. malformed JSON) is retried
 * like a failed request.
 */
@FunctionalInterface
public interface ResponseReader<T> {

    T read(HttpResponse response);
}
