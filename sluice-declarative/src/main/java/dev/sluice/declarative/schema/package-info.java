/** Schema loaders: where a declarative stream's JSON schema comes from. */
@NullMarked
package dev.sluice.declarative.schema;

import org.jspecify.annotations.NullMarked;
