package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code sluice init}: what it writes for each kind, and what it refuses. That the written projects build, test
 * and run against installed artifacts is the end-to-end author test's job (sluice-author-tests).
 */
class InitCommandTest {

    @TempDir
    Path temp;

    private static int init(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        String[] full = Stream.concat(Stream.of("init"), Stream.of(args)).toArray(String[]::new);
        int exit = Main.execute(new MessageWriter(stdout), full);
        assertThat(stdout.toByteArray()).as("standard output belongs to the protocol").isEmpty();
        return exit;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void writesACodeFirstProjectNamedAfterItsFolder() throws IOException {
        Path project = temp.resolve("source-acme-hr");

        assertThat(init(project.toString())).isZero();

        assertThat(files(project)).extracting(Path::toString).containsExactlyInAnyOrder(
                "pom.xml", "README.md", ".gitignore",
                "src/main/java/com/example/acmehr/AcmeHrSource.java",
                "src/main/java/com/example/acmehr/Employees.java",
                "src/main/resources/schemas/employees.json",
                "src/main/resources/schemas/shared/address.json",
                "sample_files/config.json", "sample_files/configured_catalog.json",
                "src/test/java/com/example/acmehr/EmployeesTest.java",
                "src/test/java/com/example/acmehr/AcmeHrStandardTest.java");
        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>source-acme-hr</artifactId>", "<groupId>com.example.acmehr</groupId>",
                "<artifactId>sluice-bom</artifactId>", "<sluice.version>" + BuildVersion.version() + "</sluice.version>",
                "<artifactId>sluice-core</artifactId>", "<artifactId>sluice-launcher</artifactId>",
                "<artifactId>sluice-testkit</artifactId>", "<maven.compiler.release>17</maven.compiler.release>",
                "<main.class>com.example.acmehr.AcmeHrSource</main.class>");
        // the build filled in the versions of Sluice's own build
        assertThat(pom).doesNotContain("${maven-").containsPattern("<version>\\d+\\.\\d+\\.\\d+</version>");
        String source = Files.readString(project.resolve("src/main/java/com/example/acmehr/AcmeHrSource.java"));
        assertThat(source).contains("package com.example.acmehr;", "public final class AcmeHrSource implements Source",
                "Launcher.launch(new AcmeHrSource(), args)");
        JsonNode schema = Json.MAPPER.readTree(project.resolve("src/main/resources/schemas/employees.json").toFile());
        assertThat(schema.at("/properties/address/$ref").asText()).isEqualTo("address.json");
        assertNoPlaceholderLeft(project);
    }

    @Test
    void writesAManifestProjectWithTheGivenNames() throws IOException {
        Path project = temp.resolve("anything");

        assertThat(init(project.toString(), "--manifest", "--name", "source-people", "--package", "org.acme.people"))
                .isZero();

        assertThat(files(project)).extracting(Path::toString).contains("pom.xml", "README.md",
                "src/main/resources/manifest.yaml", "src/main/java/org/acme/people/PeopleSource.java",
                "src/main/java/org/acme/people/FullName.java",
                "src/test/java/org/acme/people/EmployeesTest.java",
                "src/test/java/org/acme/people/PeopleStandardTest.java");
        assertThat(Files.readString(project.resolve("pom.xml"))).contains("<artifactId>source-people</artifactId>",
                "<artifactId>sluice-declarative</artifactId>", "<artifactId>sluice-launcher</artifactId>");
        assertThat(Files.readString(project.resolve("src/main/java/org/acme/people/PeopleSource.java")))
                .contains("Launcher.launchManifest(MANIFEST, args)");
        JsonNode manifest = Json.MAPPER.valueToTree(
                new Yaml().load(Files.readString(project.resolve("src/main/resources/manifest.yaml"))));
        assertThat(manifest.at("/streams/0/transformations/0/class_name").asText()).isEqualTo("org.acme.people.FullName");
        assertThat(manifest.at("/streams/0/retriever/requester/$ref").asText()).isEqualTo("#/definitions/requester");
        // the manifest's own templates pass through the scaffold's placeholder syntax untouched
        assertThat(manifest.at("/definitions/requester/url_base").asText()).isEqualTo("{{ config['base_url'] }}");
        assertNoPlaceholderLeft(project);
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path project = Files.createDirectories(temp.resolve("source-busy"));
        Files.writeString(project.resolve("notes.txt"), "mine");

        assertThat(init(project.toString())).isEqualTo(1);

        assertThat(files(project)).extracting(Path::toString).containsExactly("notes.txt");
        assertThat(Files.readString(project.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void refusesInvalidNamesAndPackagesBeforeWritingAnything() {
        assertThat(init(temp.resolve("Source Acme").toString())).isEqualTo(1);
        assertThat(init(temp.resolve("a").toString(), "--name", "source_acme")).isEqualTo(1);
        assertThat(init(temp.resolve("b").toString(), "--package", "com.example.class")).isEqualTo(1);
        assertThat(init(temp.resolve("c").toString(), "--package", "Com.Example")).isEqualTo(1);
        assertThat(init(temp.resolve("d").toString(), "--package", "java.acme")).isEqualTo(1);

        assertThat(temp.toFile().list()).isEmpty();
    }

    @Test
    void anEmptyFolderIsFine() throws IOException {
        Path project = Files.createDirectories(temp.resolve("source-empty"));

        assertThat(init(project.toString())).isZero();

        assertThat(project.resolve("src/main/java/com/example/empty/EmptySource.java")).isRegularFile();
    }

    private static void assertNoPlaceholderLeft(Path project) throws IOException {
        for (Path file : files(project)) {
            assertThat(Files.readString(project.resolve(file))).as(file.toString()).doesNotContainPattern("%%[a-z_]+%%");
        }
    }
}
