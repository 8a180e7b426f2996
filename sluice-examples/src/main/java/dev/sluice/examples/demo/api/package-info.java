/**
 * The bundled demo API: a small, deterministic HTTP/1.1 JSON server on 127.0.0.1 with scriptable faults.
 *
 * <p>{@link dev.sluice.examples.demo.api.DemoApi#start(DemoApiOptions)} starts it; the README's demo, the example
 * connectors and the end-to-end tests read from it. Its data are generated from a seed, so two servers with the
 * same options answer byte for byte the same. {@link dev.sluice.examples.demo.api.FaultPlan} schedules
 * {@link dev.sluice.examples.demo.api.Fault}s per path and query parameter, and
 * {@link dev.sluice.examples.demo.api.RequestLog} records what clients sent. The admin endpoints under
 * {@code /_admin/} expose both over HTTP for a server started by the CLI.
 */
@NullMarked
package dev.sluice.examples.demo.api;

import org.jspecify.annotations.NullMarked;
