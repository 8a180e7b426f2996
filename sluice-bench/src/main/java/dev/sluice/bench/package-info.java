/**
 * The read benchmark: pre-rendered pages for a static web server, the ceiling program that reads them with
 * nothing but the JDK client and Jackson, and JMH benchmarks of the per-record hot path. Run with
 * {@code bench/run} (see the README).
 */
@NullMarked
package dev.sluice.bench;

import org.jspecify.annotations.NullMarked;
