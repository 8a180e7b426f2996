/**
 * The config's normalization rules ({@code spec.config_normalization_rules}): migrations that rewrite the
 * user's config once and are persisted, transformations applied in memory on every run, and validations that
 * refuse a config before anything runs. {@link dev.sluice.declarative.config.ConfigTransformation} and
 * {@link dev.sluice.declarative.config.ValidationStrategy} are the public slots a custom component implements.
 */
@NullMarked
package dev.sluice.declarative.config;

import org.jspecify.annotations.NullMarked;
