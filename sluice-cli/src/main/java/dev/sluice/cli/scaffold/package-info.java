/**
 * {@code sluice init}: writes a new connector project (code-first or manifest) from templates packed in the
 * jar. A template is plain text with {@code %%key%%} placeholders; {@link Scaffold} fills them from the
 * project's names and the versions this build was made with, so the new project builds offline against the
 * artifacts {@code mvn install} put in the local repository.
 */
@NullMarked
package dev.sluice.cli.scaffold;

import org.jspecify.annotations.NullMarked;
