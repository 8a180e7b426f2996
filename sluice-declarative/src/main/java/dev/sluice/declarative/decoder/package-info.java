/**
 * Decoders: response bodies to JSON documents ({@code JsonDecoder}, {@code JsonlDecoder}, {@code CsvDecoder},
 * {@code XmlDecoder}, {@code IterableDecoder}, {@code JsonItemsDecoder}, and {@code GzipDecoder} and
 * {@code ZipfileDecoder}, which unpack the body for a nested decoder).
 */
@NullMarked
package dev.sluice.declarative.decoder;

import org.jspecify.annotations.NullMarked;
