package dev.sluice.examples.demo.api;

/**
 * A request the demo API refuses with an HTTP status and {@code {"error": message}}. Checked, so that every route
 * that can refuse says so and the connection loop cannot forget to answer.
 */
final class RequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    Response toResponse() {
        return Response.error(status, getMessage());
    }
}
