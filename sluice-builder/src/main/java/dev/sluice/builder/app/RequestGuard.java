package dev.sluice.builder.app;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may drive the builder: requests that name this server as their Host (a DNS-rebound name does not) and, when
 * the browser says where it comes from, come from this server's own origin (a page on the web does not). The
 * random token in every path keeps out what guesses neither.
 *
 * @param port  the port the server listens on
 * @param token the random part of every path ({@code /TOKEN/...})
 */
record RequestGuard(int port, String token) {

    RequestGuard {
        Objects.requireNonNull(token, "token is null");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (token.length() < 16) {
            throw new IllegalArgumentException("token too short to be unguessable");
        }
    }

    private Set<String> hosts() {
        return Set.of("127.0.0.1:" + port, "localhost:" + port);
    }

    /** Why a request must be refused, or empty when it may be served. */
    Optional<String> refusal(@Nullable String host, @Nullable String origin) {
        if (host == null || !hosts().contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("Host " + (host == null ? "(none)" : "'" + host + "'") + " is not this server");
        }
        if (origin != null && !hosts().stream().anyMatch(own -> origin.equalsIgnoreCase("http://" + own))) {
            return Optional.of("Origin '" + origin + "' is not this server");
        }
        return Optional.empty();
    }

    /** The path below the token ({@code /TOKEN/api/x} → {@code api/x}), or empty when the token is wrong. */
    Optional<String> pathBelowToken(String path) {
        String prefix = "/" + token + "/";
        if (path.equals("/" + token)) {
            return Optional.of("");
        }
        return path.startsWith(prefix) ? Optional.of(path.substring(prefix.length())) : Optional.empty();
    }
}
