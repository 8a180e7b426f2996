/**
 * The transport comparison of issue 16: one keep-alive HTTP/1.1 connection on loopback to a page server that
 * answers with fixed bytes, read by a plain socket (the measuring ceiling) and by several HTTP client libraries.
 * Measured by {@code dev.sluice.bench.jmh.TransportBenchmark}; the results are in {@code docs/performance.md}.
 * Nothing here is used by Sluice's runtime transport.
 */
@NullMarked
package dev.sluice.bench.transport;

import org.jspecify.annotations.NullMarked;
