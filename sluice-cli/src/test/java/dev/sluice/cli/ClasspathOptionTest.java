package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.FailureType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --classpath}: a Source class compiled here, into a folder and a jar that the test's class path does not
 * hold, runs with {@code --source}; without the option, the class is a config error naming it and what was searched.
 */
class ClasspathOptionTest {

    private static final String CLASS = "com.acme.outside.OutsideSource";
    private static final String SOURCE_CODE = """
            package com.acme.outside;

            import com.fasterxml.jackson.databind.node.ObjectNode;
            import dev.sluice.protocol.ConnectorSpecification;
            import dev.sluice.protocol.Json;
            import dev.sluice.source.Config;
            import dev.sluice.source.Source;
            import dev.sluice.source.Stream;
            import java.util.List;

            public final class OutsideSource implements Source {
                @Override
                public ConnectorSpecification spec() {
                    ObjectNode schema = Json.object().put("type", "object").put("title", "compiled outside");
                    return ConnectorSpecification.of(null, schema);
                }

                @Override
                public List<Stream> streams(Config config) {
                    return List.of();
                }
            }
            """;

    @TempDir
    static Path outside;
    private static Path classes;
    private static Path jar;

    @BeforeAll
    static void compile() throws IOException {
        Path sources = Files.createDirectories(outside.resolve("src/com/acme/outside"));
        Path file = Files.writeString(sources.resolve("OutsideSource.java"), SOURCE_CODE);
        classes = Files.createDirectories(outside.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, "-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), file.toString());
        assertThat(exit).as("javac").isZero();
        jar = outside.resolve("outside-source.jar");
        try (OutputStream bytes = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(bytes);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path path : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }

    @Test
    void theClassIsNotOnTheTestsClassPath() {
        assertThat(getClass().getClassLoader().getResource(CLASS.replace('.', '/') + ".class")).isNull();
    }

    @Test
    void aSourceInAFolderOrAJarRunsWithClasspath() {
        for (Path entry : List.of(classes, jar)) {
            CliRun spec = CliRun.of("spec", "--source", CLASS, "--classpath", entry.toString());

            assertThat(spec.exitCode()).as("spec from %s", entry).isZero();
            assertThat(spec.stdout()).contains("\"title\":\"compiled outside\"");
        }
    }

    @Test
    void severalEntriesAreSeparatedByColons() {
        CliRun spec = CliRun.of("spec", "--source", CLASS, "--classpath",
                outside.resolve("src") + java.io.File.pathSeparator + jar);

        assertThat(spec.exitCode()).isZero();
        assertThat(spec.stdout()).contains("compiled outside");
    }

    @Test
    void withoutClasspathTheClassIsAConfigErrorNamingItAndTheEntriesSearched() {
        CliRun spec = CliRun.of("spec", "--source", CLASS);
        CliRun wrongFolder = CliRun.of("spec", "--source", CLASS, "--classpath", outside.resolve("src").toString());

        assertThat(spec.exitCode()).isEqualTo(1);
        AirbyteTrace.TraceError error = spec.output().errors().get(0);
        assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(error.internalMessage()).contains(CLASS, "Searched:", System.getProperty("java.class.path"));
        assertThat(wrongFolder.output().errors().get(0).internalMessage())
                .contains(CLASS, outside.resolve("src").toString());
    }

    @Test
    void aMissingEntryIsAConfigError() {
        CliRun spec = CliRun.of("spec", "--source", CLASS, "--classpath", outside.resolve("nothing-here.jar").toString());

        assertThat(spec.exitCode()).isEqualTo(1);
        assertThat(spec.output().errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(spec.output().errors().get(0).message()).contains("nothing-here.jar", "does not exist");
    }

    @Test
    void validateAndSyncTakeTheOptionToo() {
        assertThat(new picocli.CommandLine(ValidateCommand.class).getCommandSpec().findOption("--classpath")).isNotNull();
        assertThat(new picocli.CommandLine(SyncCommand.class).getCommandSpec().findOption("--classpath")).isNotNull();
    }
}
