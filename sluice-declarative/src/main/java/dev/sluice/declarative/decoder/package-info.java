/** Decoders: response bodies to JSON documents ({@code JsonDecoder}, {@code JsonlDecoder}, ...). */
@NullMarked
package dev.sluice.declarative.decoder;

import org.jspecify.annotations.NullMarked;
