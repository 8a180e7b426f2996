/**
 * The public LinkedIn Ads connector (Airbyte's {@code source-linkedin-ads} manifest, resource
 * {@code linkedin_ads/manifest.yaml}) ported to Sluice: the manifest is unchanged except its {@code class_name}s,
 * which name the Java custom components of this package instead of the connector's Python ones. See
 * {@code linkedin_ads/README.md} for how to run it against LinkedIn or against the local mock in
 * {@code dev.sluice.examples.linkedin.mock}.
 */
@NullMarked
package dev.sluice.examples.linkedin;

import org.jspecify.annotations.NullMarked;
