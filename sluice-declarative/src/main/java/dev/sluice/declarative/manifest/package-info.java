/**
 * The manifest "parser": YAML text to a normalised {@code JsonNode} (references resolved, default types
 * filled in, {@code $parameters} propagated), validated and bound to typed spec records, with every error
 * located by YAML path and line.
 */
@NullMarked
package dev.sluice.declarative.manifest;

import org.jspecify.annotations.NullMarked;
