package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One column of a stream's table: its SQL name, its type and the top-level record field it holds
 * ({@code null} for the {@code _airbyte_*} columns and for columns a newer schema no longer has).
 */
record Column(String name, ColumnType type, @Nullable String field) {

    Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    Column withField(@Nullable String newField) {
        return new Column(name, type, newField);
    }
}
