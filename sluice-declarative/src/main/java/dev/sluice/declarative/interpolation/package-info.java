/**
 * Sluice's own Jinja evaluator with the Python reference's semantics: templates are lexed, parsed and checked once
 * ({@link dev.sluice.declarative.interpolation.Template#compile}), then evaluated against an
 * {@link dev.sluice.declarative.interpolation.InterpolationContext} of Jackson values. Rendering follows Python
 * {@code str()}, and typed results follow {@code ast.literal_eval} of the rendered text. Templates reach only the
 * documented macros, filters, tests and allow-listed methods; nothing of the JVM is reachable.
 */
@NullMarked
package dev.sluice.declarative.interpolation;

import org.jspecify.annotations.NullMarked;
