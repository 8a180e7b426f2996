/**
 * Record transformations ({@code AddFields}, {@code RemoveFields}, {@code KeysToLower}, ...). Each returns a new
 * record or its input unchanged; none mutates its input.
 */
@NullMarked
package dev.sluice.declarative.transform;

import org.jspecify.annotations.NullMarked;
