package dev.sluice.http;

import java.io.Closeable;
import java.io.IOException;

/** The send step: sends an authenticated request and says how its successful body is to be read. */
@FunctionalInterface
interface Exchange<T> {

    Received<T> send(HttpRequest authenticated) throws IOException;

    /** Reads a successful response into the caller's value. */
    @FunctionalInterface
    interface BodyRead<T> {
        T read() throws IOException;
    }

    /**
     * What came back: the response to classify (without body bytes when the body is streamed), how to read it,
     * and what to close when it is not read.
     */
    record Received<T>(HttpResponse response, BodyRead<T> read, Closeable unread) {

        /** A response read whole: nothing left open. */
        static <T> Received<T> whole(HttpResponse response, BodyRead<T> read) {
            return new Received<>(response, read, () -> { });
        }

        /** Closes the unread body; a failure to close changes nothing for a response that was not wanted. */
        void discard() {
            try {
                unread.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }
}
