/**
 * {@code sluice sync}: runs a source in-process and loads its streams into a database (DuckDB, PostgreSQL or
 * SQLite), with the stream states kept in the same database and committed with the records they cover.
 */
@NullMarked
package dev.sluice.sync;

import org.jspecify.annotations.NullMarked;
