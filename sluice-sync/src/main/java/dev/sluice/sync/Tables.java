package dev.sluice.sync;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** The DDL and merge statements of the loader, in SQL that the three databases share. */
final class Tables {

    private final Database database;

    Tables(Database database) {
        this.database = database;
    }

    boolean exists(String table) throws SQLException {
        return !database.columns(table).isEmpty();
    }

    void create(String table, List<Column> columns, boolean sequenced) throws SQLException {
        StringJoiner definition = new StringJoiner(", ", "CREATE TABLE " + database.quote(table) + " (", ")");
        for (Column column : columns) {
            definition.add(database.quote(column.name()) + " " + database.dialect().sqlType(column.type()));
        }
        if (sequenced) {
            definition.add(database.quote(TableNames.SEQUENCE_COLUMN) + " "
                    + database.dialect().sqlType(ColumnType.INTEGER));
        }
        database.execute(definition.toString());
    }

    void drop(String table) throws SQLException {
        database.execute("DROP TABLE IF EXISTS " + database.quote(table));
    }

    /**
     * Adds the schema's columns that the table lacks (schema evolution) and returns the table's columns in table
     * order, each bound to its record field. Columns the schema no longer has stay, filled with NULL.
     */
    List<Column> evolve(String table, List<Column> schema) throws SQLException {
        Map<String, Column> existing = new HashMap<>();
        for (Column column : database.columns(table)) {
            existing.put(column.name().toLowerCase(Locale.ROOT), column);
        }
        for (Column column : schema) {
            if (!existing.containsKey(column.name().toLowerCase(Locale.ROOT))) {
                database.execute("ALTER TABLE " + database.quote(table) + " ADD COLUMN "
                        + database.quote(column.name()) + " " + database.dialect().sqlType(column.type()));
            }
        }
        Map<String, Column> bySchema = new HashMap<>();
        schema.forEach(column -> bySchema.put(column.name().toLowerCase(Locale.ROOT), column));
        List<Column> bound = new ArrayList<>();
        for (Column column : database.columns(table)) {
            if (column.name().equals(TableNames.SEQUENCE_COLUMN)) {
                continue;
            }
            Column declared = bySchema.get(column.name().toLowerCase(Locale.ROOT));
            // The table's type wins over a changed schema: converting values is safe, altering types is not.
            bound.add(declared == null ? column : column.withField(declared.field()));
        }
        return bound;
    }

    void index(String table, List<String> columns) throws SQLException {
        if (!database.dialect().indexesPrimaryKeys() || columns.isEmpty()) {
            return;
        }
        StringJoiner keys = new StringJoiner(", ", " (", ")");
        columns.forEach(column -> keys.add(database.quote(column)));
        // Random names: a renamed staging table keeps its indexes, so names derived from the table would collide.
        String name = "_sluice_ix_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        database.execute("CREATE INDEX " + database.quote(name) + " ON " + database.quote(table) + keys);
    }

    /** Replaces {@code table} by {@code staging} (inside the caller's transaction). */
    void swap(String staging, String table) throws SQLException {
        drop(table);
        database.execute("ALTER TABLE " + database.quote(staging) + " RENAME TO " + database.quote(table));
    }

    /**
     * Moves the batch into the target, keeping one row per key: the one with the greatest cursor, the later
     * arrival among equals. Rows without a cursor value lose to rows with one.
     */
    void merge(String batch, String target, List<Column> columns, List<String> key, @Nullable String cursor)
            throws SQLException {
        String b = database.quote(batch);
        String t = database.quote(target);
        String sequence = database.quote(TableNames.SEQUENCE_COLUMN);
        StringJoiner partition = new StringJoiner(", ");
        StringJoiner match = new StringJoiner(" AND ");
        for (String column : key) {
            partition.add(database.quote(column));
            match.add("t." + database.quote(column) + " = b." + database.quote(column));
        }
        String order = (cursor == null ? "" : database.quote(cursor) + " DESC NULLS LAST, ") + sequence + " DESC";
        database.execute("DELETE FROM " + b + " WHERE " + sequence + " IN (SELECT " + sequence + " FROM (SELECT "
                + sequence + ", ROW_NUMBER() OVER (PARTITION BY " + partition + " ORDER BY " + order
                + ") AS rank_in_key FROM " + b + ") AS ranked WHERE rank_in_key > 1)");
        String newer = cursor == null ? "1 = 1"
                : "(t." + database.quote(cursor) + " IS NULL OR b." + database.quote(cursor) + " >= t."
                        + database.quote(cursor) + ")";
        database.execute(database.dialect().deleteReplaced(target, batch, match.toString(), newer));
        StringJoiner names = new StringJoiner(", ");
        columns.forEach(column -> names.add(database.quote(column.name())));
        database.execute("INSERT INTO " + t + " (" + names + ") SELECT " + names + " FROM " + b + " AS b WHERE NOT "
                + "EXISTS (SELECT 1 FROM " + t + " AS t WHERE " + match + ")");
        database.execute("DELETE FROM " + b);
    }
}
