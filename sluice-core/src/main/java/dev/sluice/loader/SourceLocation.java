package dev.sluice.loader;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.ConfigException;
import dev.sluice.source.Source;
import java.nio.file.Path;

/**
 * Where a source comes from: a code-first {@link Source} class, or a declarative manifest given as a file, as
 * YAML text, or as a JSON object (the config's {@code __injected_declarative_manifest}). Load one with
 * {@link SourceLoader#load(SourceLocation)}.
 */
public sealed interface SourceLocation {

    static SourceLocation className(String name) {
        return new ClassName(name);
    }

    static SourceLocation manifestFile(Path file) {
        return new ManifestFile(file);
    }

    /** A manifest that is a resource on the loader's class path, e.g. {@code manifest.yaml} in a connector's jar. */
    static SourceLocation manifestResource(String name) {
        return new ManifestResource(name);
    }

    static SourceLocation manifestYaml(String text) {
        return new ManifestYaml(text);
    }

    static SourceLocation manifestObject(JsonNode manifest) {
        return new ManifestObject(manifest);
    }

    /**
     * Builds the source this location names with the loader's means (its class loader, its manifest provider).
     * {@link SourceLoader#load} calls it; each kind picks its own way, so no caller tests which kind it holds.
     */
    Source loadWith(SourceLoader loader);

    /** The SPEC only; a kind that can read it without building the source overrides this. */
    default ConnectorSpecification specWith(SourceLoader loader) {
        return loadWith(loader).spec();
    }

    /** A code-first source: a public class implementing {@link Source} with a public no-argument constructor. */
    record ClassName(String name) implements SourceLocation {
        public ClassName {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new ConfigException("The source class name is blank");
            }
        }

        @Override
        public Source loadWith(SourceLoader loader) {
            return loader.classes().instantiate(name);
        }
    }

    /** A manifest in a YAML file. */
    record ManifestFile(Path file) implements SourceLocation {
        public ManifestFile {
            requireNonNull(file, "file is null");
        }

        @Override
        public Source loadWith(SourceLoader loader) {
            return loader.manifests().fromFile(file, loader.customCode(true));
        }

        @Override
        public ConnectorSpecification specWith(SourceLoader loader) {
            return loader.manifests().specOf(file, loader.customCode(true));
        }
    }

    /**
     * A manifest that is a resource on the loader's class path (a connector jar's own {@code manifest.yaml}): chosen
     * by whoever built the class path, so its custom components run, as a file's do.
     */
    record ManifestResource(String name) implements SourceLocation {
        public ManifestResource {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new ConfigException("The manifest resource name is blank");
            }
        }

        @Override
        public Source loadWith(SourceLoader loader) {
            return loader.manifests().fromYaml(loader.resource(name), loader.customCode(true));
        }
    }

    /** A manifest given inline as YAML text: data, so its custom components run only where allowed. */
    record ManifestYaml(String text) implements SourceLocation {
        public ManifestYaml {
            requireNonNull(text, "text is null");
        }

        @Override
        public Source loadWith(SourceLoader loader) {
            return loader.manifests().fromYaml(text, loader.customCode(false));
        }

        @Override
        public String toString() {
            return "ManifestYaml[" + text.length() + " characters]";
        }
    }

    /** A manifest given as a JSON object (a config's injected manifest): data, as inline YAML is. */
    record ManifestObject(JsonNode manifest) implements SourceLocation {
        public ManifestObject {
            requireNonNull(manifest, "manifest is null");
            if (!manifest.isObject()) {
                throw new ConfigException("A manifest must be a JSON object, not " + manifest.getNodeType());
            }
            manifest = manifest.deepCopy();
        }

        @Override
        public Source loadWith(SourceLoader loader) {
            return loader.manifests().fromJson(manifest, loader.customCode(false));
        }

        @Override
        public String toString() {
            return "ManifestObject[" + manifest.size() + " keys]";
        }
    }
}
