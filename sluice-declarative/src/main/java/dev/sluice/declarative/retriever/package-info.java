/** Retrievers: the page loop of a declarative stream ({@code SimpleRetriever}). */
@NullMarked
package dev.sluice.declarative.retriever;

import org.jspecify.annotations.NullMarked;
