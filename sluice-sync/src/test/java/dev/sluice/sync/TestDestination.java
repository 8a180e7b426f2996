package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database of one kind for one test, and plain JDBC queries against it. PostgreSQL comes from
 * {@code SLUICE_TEST_POSTGRES_URL} (a {@code postgresql://} URL; {@code .ci/run} starts a server and sets it),
 * with a new schema per test. Without the variable the PostgreSQL cases are skipped, except under CI
 * ({@code CI} set), where they fail: a CI run must not pass by skipping them.
 */
record TestDestination(String name, DestinationUrl url) {

    static final String POSTGRES_VARIABLE = "SLUICE_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @Override
    public String toString() {
        return name;
    }

    static TestDestination duckDb(Path dir) {
        return new TestDestination("DuckDB", DestinationUrl.parse(dir.resolve("test.duckdb").toString()));
    }

    static TestDestination sqlite(Path dir) {
        return new TestDestination("SQLite", DestinationUrl.parse(dir.resolve("test.sqlite").toString()));
    }

    static TestDestination postgres() {
        String base = System.getenv(POSTGRES_VARIABLE);
        if (base == null || base.isBlank()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(POSTGRES_VARIABLE + " is not set: .ci/run must start PostgreSQL for the tests");
            }
            Assumptions.abort(POSTGRES_VARIABLE + " is not set; skipping the PostgreSQL case");
        }
        DestinationUrl server = DestinationUrl.parse(base);
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + server.describe() + " is unreachable: " + e.getMessage(), e);
        }
        String jdbc = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDestination("PostgreSQL", new DestinationUrl(DestinationUrl.Kind.POSTGRESQL, jdbc,
                server.user(), server.password()));
    }

    static List<TestDestination> all(Path dir) {
        List<TestDestination> all = new ArrayList<>();
        all.add(duckDb(dir));
        all.add(sqlite(dir));
        all.add(postgres());
        return all;
    }

    static Connection connect(DestinationUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Every row of a query, values as JDBC returns them (JSON and timestamps as text where the driver does). */
    List<List<Object>> query(String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<List<Object>> result = new ArrayList<>();
            int width = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    Object value = rows.getObject(i);
                    row.add(normalize(value));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new AssertionError(name + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Drivers differ in Java types: integers become Long, other numbers Double, the rest text. */
    private static Object normalize(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value instanceof Boolean ? value : value.toString();
    }

    long count(String table) {
        return ((Number) query("SELECT COUNT(*) FROM \"" + table + "\"").get(0).get(0)).longValue();
    }

    /** One column of a query as longs. */
    List<Long> longs(String sql) {
        return query(sql).stream().map(row -> ((Number) row.get(0)).longValue()).toList();
    }

    List<String> columns(String table) {
        String sql = url.kind() == DestinationUrl.Kind.SQLITE
                ? "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"
                : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
                        + "table_name = '" + table + "' ORDER BY ordinal_position";
        return query(sql).stream().map(row -> row.get(0).toString()).toList();
    }

    boolean tableExists(String table) {
        return !columns(table).isEmpty();
    }

    void assertNoLoaderTables() {
        String sql = url.kind() == DestinationUrl.Kind.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_sluice\\_%' ESCAPE '\\'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_name LIKE '\\_sluice\\_%' ESCAPE '\\'";
        assertThat(query(sql)).extracting(row -> row.get(0)).containsExactly("_sluice_state");
    }
}
