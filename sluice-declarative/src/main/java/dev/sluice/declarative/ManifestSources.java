package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.ConnectorSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads manifests: YAML text (or the JSON injected in a config) → resolved → validated → bound → a
 * {@link DeclarativeSource}. Errors are {@link ManifestException}s naming the YAML path and line; unknown keys
 * are logged as warnings.
 */
public final class ManifestSources {

    private static final Logger log = LoggerFactory.getLogger(ManifestSources.class);

    private static final String DATA = "This manifest was given as data (YAML text or a JSON object) without saying "
            + "that its custom components may run; load it through a SourceLoader that allows unsafe code ("
            + CustomCode.UNSAFE_CODE_VARIABLE + "=true), or as a file.";

    private ManifestSources() {
    }

    /** A manifest file; its custom components are loaded with the class loader of sluice-declarative. */
    public static DeclarativeSource fromFile(Path file) {
        return fromFile(file, CustomCode.allowed(ManifestSources.class.getClassLoader()));
    }

    /**
     * A manifest file.
     *
     * @param code whether its custom components may run, and the class loader they are loaded from
     */
    public static DeclarativeSource fromFile(Path file, CustomCode code) {
        return load(ManifestPipeline.fromYaml(read(file)), code);
    }

    /** A manifest given as YAML text: data, so it runs no custom components (see {@link CustomCode}). */
    public static DeclarativeSource fromYaml(String text) {
        return fromYaml(text, CustomCode.refused(ManifestSources.class.getClassLoader(), DATA));
    }

    public static DeclarativeSource fromYaml(String text, CustomCode code) {
        return load(ManifestPipeline.fromYaml(text), code);
    }

    /**
     * A manifest given as a JSON object (the config's {@code __injected_declarative_manifest}): data, so it runs
     * no custom components.
     */
    public static DeclarativeSource fromJson(JsonNode manifest) {
        return fromJson(manifest, CustomCode.refused(ManifestSources.class.getClassLoader(), DATA));
    }

    public static DeclarativeSource fromJson(JsonNode manifest, CustomCode code) {
        return load(ManifestPipeline.fromJson(manifest), code);
    }

    /**
     * The SPEC of a manifest file, reading only its {@code spec} section after references are resolved: the
     * {@code spec} command must answer fast and needs nothing else (the other commands validate everything).
     */
    public static ConnectorSpecification specOf(Path file) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(read(file));
        JsonNode spec = manifest.manifest().get("spec");
        if (spec == null || spec.isNull()) {
            return new DeclarativeSource(ManifestBinder.bind(manifest, DeclarativeSourceSpec.class)).spec();
        }
        ManifestPath path = ManifestPath.root().field("spec");
        return ManifestBinder.bind(spec, SpecSpec.class, path, manifest.lines()).toSpecification();
    }

    /** Every problem of a manifest file, without building anything ({@code sluice validate}). */
    public static ValidationReport validate(Path file) {
        return validateYaml(read(file));
    }

    /** Every problem of a manifest given as YAML text, without building anything (the builder's editor). */
    public static ValidationReport validateYaml(String text) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(text);
        ValidationReport report = validator().validate(manifest, DeclarativeSourceSpec.class);
        if (report.isValid()) {
            try {
                ManifestBinder.bind(manifest, DeclarativeSourceSpec.class);
            } catch (ManifestException e) {
                return new ValidationReport(java.util.List.of(e), report.warnings());
            }
        }
        return report;
    }

    private static DeclarativeSource load(ResolvedManifest manifest, CustomCode code) {
        ValidationReport report = validator().validate(manifest, DeclarativeSourceSpec.class);
        report.warnings().forEach(warning -> log.warn("Manifest: {}", warning.getMessage()));
        report.throwIfInvalid(false);
        DeclarativeSourceSpec spec = ManifestBinder.bind(manifest, DeclarativeSourceSpec.class);
        return new DeclarativeSource(spec, (config, run) -> BuildContext.of(config, run).withCustomCode(code),
                ManifestBinder.locations(manifest, spec));
    }

    private static ManifestValidator validator() {
        return new ManifestValidator(ManifestSources::checkTemplate);
    }

    private static Optional<String> checkTemplate(String text) {
        try {
            Template.compile(text);
            return Optional.empty();
        } catch (ManifestException e) {
            return Optional.of(e.problem());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException("", 0, "cannot read the manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
