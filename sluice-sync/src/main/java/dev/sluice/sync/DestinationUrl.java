package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code sync} loads, from the {@code --destination} text:
 * <ul>
 *   <li>a file path: {@code ./sluice.duckdb} (also {@code .ddb}) is DuckDB, {@code data.sqlite} (also
 *       {@code .sqlite3}, {@code .db}) is SQLite; {@code duckdb:PATH} and {@code sqlite:PATH} for other names;
 *   <li>{@code postgresql://user:password@host:5432/database?sslmode=require} (or {@code postgres://});
 *   <li>any {@code jdbc:duckdb:}, {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, passed through.
 * </ul>
 */
public record DestinationUrl(Kind kind, String jdbcUrl, @Nullable String user, @Nullable String password) {

    /** The default destination of {@code sluice sync}. */
    public static final String DEFAULT = "./sluice.duckdb";

    /** The supported databases. */
    public enum Kind { DUCKDB, POSTGRESQL, SQLITE }

    public DestinationUrl {
        requireNonNull(kind, "kind is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
    }

    public static DestinationUrl parse(String text) {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return postgres(trimmed);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DestinationUrl(Kind.POSTGRESQL, trimmed, null, null);
        }
        if (lower.startsWith("jdbc:duckdb:")) {
            return new DestinationUrl(Kind.DUCKDB, trimmed, null, null);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new DestinationUrl(Kind.SQLITE, trimmed, null, null);
        }
        if (lower.startsWith("duckdb:")) {
            return file(Kind.DUCKDB, stripSlashes(trimmed.substring("duckdb:".length())));
        }
        if (lower.startsWith("sqlite:")) {
            return file(Kind.SQLITE, stripSlashes(trimmed.substring("sqlite:".length())));
        }
        if (lower.endsWith(".duckdb") || lower.endsWith(".ddb")) {
            return file(Kind.DUCKDB, trimmed);
        }
        if (lower.endsWith(".sqlite") || lower.endsWith(".sqlite3") || lower.endsWith(".db")) {
            return file(Kind.SQLITE, trimmed);
        }
        throw new ConfigException("Unknown destination '" + text + "': give a DuckDB file (*.duckdb), a SQLite "
                + "file (*.sqlite, *.db), duckdb:PATH, sqlite:PATH or postgresql://user:password@host:port/database");
    }

    /** The database file of DuckDB and SQLite destinations; null for a server or an in-memory database. */
    public @Nullable Path file() {
        String prefix = kind == Kind.DUCKDB ? "jdbc:duckdb:" : kind == Kind.SQLITE ? "jdbc:sqlite:" : null;
        if (prefix == null || jdbcUrl.length() <= prefix.length()) {
            return null;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        return rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:") ? null : Path.of(rest);
    }

    /** The URL without its password, for messages. */
    public String describe() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static DestinationUrl file(Kind kind, String path) {
        if (path.isEmpty()) {
            throw new ConfigException("The " + kind + " destination needs a file path");
        }
        String prefix = kind == Kind.DUCKDB ? "jdbc:duckdb:" : "jdbc:sqlite:";
        return new DestinationUrl(kind, prefix + Path.of(path).toAbsolutePath().normalize(), null, null);
    }

    private static String stripSlashes(String rest) {
        // duckdb:///tmp/x.duckdb is an absolute path, duckdb://x.duckdb a relative one
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    private static DestinationUrl postgres(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException("Invalid PostgreSQL URL: " + e.getMessage(), e);
        }
        if (uri.getHost() == null) {
            throw new ConfigException("The PostgreSQL URL needs a host: postgresql://user:password@host:port/database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/"
                + database + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DestinationUrl(Kind.POSTGRESQL, jdbc, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DestinationUrl[" + kind + ", " + describe() + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=****") + "]";
    }
}
