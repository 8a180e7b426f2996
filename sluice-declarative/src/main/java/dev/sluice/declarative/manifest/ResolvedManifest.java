package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.UncheckedIOException;

/**
 * A manifest after loading, reference resolution and type/parameter propagation: what the reference
 * validates and builds components from, ready for {@link ManifestValidator} and {@link ManifestBinder}.
 * The tree must not be changed (binding and validation only read it).
 *
 * @param manifest the normalised top-level mapping ({@code type: DeclarativeSource} set)
 * @param lines    where each part of {@code manifest} was written in the YAML text
 */
public record ResolvedManifest(ObjectNode manifest, LineMap lines) {

    public ResolvedManifest {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(lines, "lines is null");
    }

    /** The YAML line of the value at {@code path} (0 when unknown). */
    public int lineOf(ManifestPath path) {
        return lines.lineAt(manifest, path);
    }

    /** A problem located at {@code path}, with its line; for components that find a problem while building. */
    public ManifestException problem(ManifestPath path, String problem) {
        return new ManifestException(path.toString(), lineOf(path), problem);
    }

    /** The resolved manifest as indented JSON (what a {@code resolve} debugging command prints). */
    public String toJson() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
