/**
 * A local LinkedIn Marketing API for the LinkedIn Ads example ({@code dev.sluice.examples.linkedin}): it serves
 * every stream of the connector and refuses requests the real API refuses (escaped Rest.li syntax, too many
 * analytics fields, missing version headers).
 */
@NullMarked
package dev.sluice.examples.linkedin.mock;

import org.jspecify.annotations.NullMarked;
