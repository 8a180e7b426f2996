/**
 * Java custom components: the {@code Custom*} types of a manifest name a class with {@code class_name}; the class
 * is loaded from the source's class loader, implements the Sluice interface of its slot and is built with a
 * {@link dev.sluice.declarative.custom.CustomComponentContext} (the component's other fields, its
 * {@code $parameters} and the build context) or with no arguments. This package holds the context, the loading
 * rules and the slot interfaces that have no home in a runtime package; see {@code docs/custom-components.md}.
 */
@NullMarked
package dev.sluice.declarative.custom;

import org.jspecify.annotations.NullMarked;
