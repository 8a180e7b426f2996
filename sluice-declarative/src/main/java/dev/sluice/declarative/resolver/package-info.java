/**
 * Components resolvers of dynamic streams ({@code DynamicDeclarativeStream.components_resolver}): each turns a
 * stream template (a manifest tree) into the trees of the streams it generates, one per value it finds — the
 * records of an endpoint ({@code HttpComponentsResolver}), the items of the config
 * ({@code ConfigComponentsResolver}), or values written in the manifest ({@code ParametrizedComponentsResolver})
 * — by writing each {@code ComponentMappingDefinition}'s rendered value at its {@code field_path} (a dpath glob).
 */
@NullMarked
package dev.sluice.declarative.resolver;

import org.jspecify.annotations.NullMarked;
