/**
 * The vocabulary every declarative component shares: the {@link dev.sluice.declarative.component.BuildContext}
 * of services a spec record builds its runtime component with, the
 * {@link dev.sluice.declarative.component.StreamSlice} a request is made for, and the
 * {@link dev.sluice.declarative.component.RequestOptions} that components contribute to a request, with the
 * {@code RequestOption} vocabulary (where a value is injected, and how) that authenticators, paginators, cursors
 * and partition routers all use. This package imports no other component package, so every one can use it.
 */
@NullMarked
package dev.sluice.declarative.component;

import org.jspecify.annotations.NullMarked;
