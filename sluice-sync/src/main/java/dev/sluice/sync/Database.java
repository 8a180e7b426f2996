package dev.sluice.sync;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One connection to the destination. Transactions are explicit statements ({@code BEGIN TRANSACTION},
 * {@code COMMIT}, {@code ROLLBACK}) on an auto-commit connection: DuckDB's Appender joins a transaction only once
 * a statement has begun it, and the three databases agree on this form.
 */
final class Database implements AutoCloseable {

    private final Connection connection;
    private final Dialect dialect;
    private final String description;

    private Database(Connection connection, Dialect dialect, String description) {
        this.connection = connection;
        this.dialect = dialect;
        this.description = description;
    }

    static Database open(DestinationUrl url) {
        Dialect dialect = switch (url.kind()) {
            case DUCKDB -> new DuckDbDialect();
            case POSTGRESQL -> new PostgresDialect();
            case SQLITE -> new SqliteDialect();
        };
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        try {
            java.nio.file.Path file = url.file();
            if (file != null && file.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (java.io.IOException e) {
            throw new ConfigException("Cannot create the directory of " + url.file() + ": " + e, e);
        }
        try {
            Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
            connection.setAutoCommit(true);
            Database database = new Database(connection, dialect, url.describe());
            if (url.kind() == DestinationUrl.Kind.SQLITE) {
                // WAL lets readers query while a sync writes; NORMAL stays durable against process crashes.
                database.execute("PRAGMA journal_mode=WAL");
                database.execute("PRAGMA synchronous=NORMAL");
            }
            return database;
        } catch (SQLException e) {
            throw new ConfigException("Cannot open the " + dialect.displayName() + " destination " + url.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    Connection connection() {
        return connection;
    }

    String description() {
        return description;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    void begin() throws SQLException {
        execute("BEGIN TRANSACTION");
    }

    void commit() throws SQLException {
        execute("COMMIT");
    }

    void rollback() throws SQLException {
        execute("ROLLBACK");
    }

    /** The table's columns in order, without fields; empty when the table does not exist. */
    List<Column> columns(String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(dialect.columnsQuery())) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), dialect.columnType(rows.getString(2)), null));
                }
            }
        }
        return columns;
    }

    String quote(String identifier) {
        return dialect.quote(identifier);
    }

    /** A database failure while loading, as the error users see in the summary. */
    ConnectorException failure(String what, SQLException e) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, what + " in " + dialect.displayName() + " failed: "
                + e.getMessage(), what + " in " + description + " failed: " + e, e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("Closing the connection", e);
        }
    }
}
