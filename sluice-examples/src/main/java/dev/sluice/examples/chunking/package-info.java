/**
 * Two example manifest connectors whose APIs cap how many properties one request may ask for, and local mock
 * APIs that refuse over-limit requests the way the real ones do: a HubSpot-style {@code contacts} stream (the
 * URL length, so a character budget; 414 when exceeded) and a LinkedIn-Ads-style analytics stream (at most 20
 * fields per call; 400 when exceeded). The manifests are resources under {@code chunking/}; the mocks run from
 * tests or from the command line ({@code main}).
 */
@NullMarked
package dev.sluice.examples.chunking;

import org.jspecify.annotations.NullMarked;
