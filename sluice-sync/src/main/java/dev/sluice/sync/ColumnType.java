package dev.sluice.sync;

/**
 * The column types a stream's JSON schema maps to. Each {@link Dialect} names them in SQL; {@link #STRING}
 * also holds {@code format: date} and {@code date-time} values, as text (see the README's sync section).
 */
enum ColumnType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** Objects, arrays, and anything whose type is unknown or a union of several types. */
    JSON,
    /** Only {@code _airbyte_extracted_at}. */
    TIMESTAMP,
    /** Only {@code _airbyte_raw_id}; text where the database has no UUID type. */
    UUID
}
