/**
 * The demo connector: a code-first source against the bundled demo API that shows the three stream kinds
 * (resumable full refresh, full refresh with a static schema that references a shared file, and incremental
 * with a static schema modified in code).
 */
@NullMarked
package dev.sluice.examples.demo;

import org.jspecify.annotations.NullMarked;
