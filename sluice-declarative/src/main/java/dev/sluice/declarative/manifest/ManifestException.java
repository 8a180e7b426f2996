package dev.sluice.declarative.manifest;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/**
 * A manifest is wrong: it names where ({@link #path()}, e.g. {@code streams[3].retriever.paginator}, and the
 * YAML line when known) and what was expected. Message format:
 * {@code streams[3].retriever.paginator.pagination_strategy: unknown type 'CursorPaginaton' (line 88)}.
 */
public class ManifestException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final String problem;

    /**
     * @param path  the YAML path, empty when not known yet (a caller higher up adds it with {@link #at})
     * @param line  1-based YAML line, or 0 when unknown
     */
    public ManifestException(String path, int line, String problem, @Nullable Throwable cause) {
        super(FailureType.SYSTEM_ERROR, format(path, line, problem), format(path, line, problem), cause);
        this.path = path;
        this.line = line;
        this.problem = problem;
    }

    public ManifestException(String path, int line, String problem) {
        this(path, line, problem, null);
    }

    /** A problem whose location is not known where it is detected. */
    public ManifestException(String problem) {
        this("", 0, problem, null);
    }

    private static String format(String path, int line, String problem) {
        StringBuilder text = new StringBuilder();
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(problem);
        if (line > 0) {
            text.append(" (line ").append(line).append(')');
        }
        return text.toString();
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The same problem located at {@code path} (kept if this exception already has a path). */
    public ManifestException at(String path, int line) {
        if (!this.path.isEmpty()) {
            return this;
        }
        return new ManifestException(path, line, problem, getCause() == null ? this : getCause());
    }
}
